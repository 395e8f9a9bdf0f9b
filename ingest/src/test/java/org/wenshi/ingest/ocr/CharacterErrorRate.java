package org.wenshi.ingest.ocr;

/**
 * Character error rate of OCR output against the known text: the Levenshtein distance between the
 * two with all whitespace removed, divided by the known text's length (in code points).
 */
public final class CharacterErrorRate {
    private CharacterErrorRate() {}

    public static double of(String expected, String actual) {
        int[] e = expected.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
        int[] a = actual.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
        if (e.length == 0) {
            return a.length == 0 ? 0 : 1;
        }
        return (double) distance(e, a) / e.length;
    }

    /** The same, counting only Han characters (punctuation and Latin ignored). */
    public static double ofHan(String expected, String actual) {
        return of(han(expected), han(actual));
    }

    private static String han(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints()
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                .forEach(b::appendCodePoint);
        return b.toString();
    }

    static int distance(int[] a, int[] b) {
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitute = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length];
    }
}
