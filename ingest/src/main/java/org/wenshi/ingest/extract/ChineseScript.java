package org.wenshi.ingest.extract;

import com.ibm.icu.text.Transliterator;

/**
 * Traditional to simplified characters (ICU's {@code Traditional-Simplified} transform), so that
 * label and boilerplate patterns, gazetteer names and theme keywords match 臺灣 as 台湾, 來源 as 来源
 * and 民國 as 民国. It exists so every stage folds the same way; it never touches the stored text,
 * which keeps the source's own characters.
 */
public final class ChineseScript {
    /** The {@code script} field value for mainly traditional text. */
    public static final String TRADITIONAL = "traditional";
    /** The {@code script} field value for simplified (or script-neutral) text. */
    public static final String SIMPLIFIED = "simplified";

    // Transliterator instances are not safe for concurrent use: one per thread.
    private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
    private static final ThreadLocal<Transliterator> TO_TRADITIONAL =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Simplified-Traditional"));

    private ChineseScript() {}

    /** {@code text} in simplified characters. */
    public static String toSimplified(String text) {
        // Fast path (the transform costs about half a millisecond per call, even on short simplified text):
        // text without any character the transform changes is returned as it is.
        if (!Traditional.anyIn(text)) {
            return text;
        }
        return TO_SIMPLIFIED.get().transliterate(text);
    }

    /** The characters (BMP Han ranges) that the Traditional-Simplified transform changes, found once. */
    private static final class Traditional {
        private static final java.util.BitSet CHANGED = changed();

        private static java.util.BitSet changed() {
            StringBuilder all = new StringBuilder();
            for (char c = 0x2E80; c <= 0x9FFF; c++) {
                all.append(c).append('\n');
            }
            for (char c = 0xF900; c <= 0xFAFF; c++) {
                all.append(c).append('\n');
            }
            String[] folded = Transliterator.getInstance("Traditional-Simplified")
                    .transliterate(all.toString())
                    .split("\n", -1);
            String[] original = all.toString().split("\n", -1);
            java.util.BitSet set = new java.util.BitSet(0x10000);
            if (folded.length != original.length) {
                set.set(0x2E80, 0xFB00); // cannot tell: treat every Han character as possibly traditional
                return set;
            }
            for (int i = 0; i < original.length; i++) {
                if (!original[i].equals(folded[i])) {
                    set.set(original[i].charAt(0));
                }
            }
            return set;
        }

        static boolean anyIn(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x2E80 && CHANGED.get(c) || Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code text} in traditional characters (used by the sample generator). */
    public static String toTraditional(String text) {
        return TO_TRADITIONAL.get().transliterate(text);
    }

    /**
     * {@link #TRADITIONAL} when a noticeable share of the Han characters of {@code text} change
     * when folded to simplified, else {@link #SIMPLIFIED}.
     */
    public static String scriptOf(String text, String simplified) {
        int han = 0;
        int changed = 0;
        int n = Math.min(text.length(), simplified.length());
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
                if (c != simplified.charAt(i)) {
                    changed++;
                }
            }
        }
        return han > 0 && changed >= 3 && changed * 100 >= han * 3 ? TRADITIONAL : SIMPLIFIED;
    }
}
