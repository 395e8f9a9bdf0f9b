package org.wenshi.ingest.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns Tesseract's TSV output (one row per page, block, paragraph, line and word, words with box
 * and confidence) into an {@link OcrResult}: one text line per paragraph Tesseract found, the
 * printed lines of a paragraph joined (a Chinese sentence wraps anywhere, and a line break inside
 * a phrase would stop phrase search finding it), words joined with a space only where neither side
 * is Chinese, ASCII punctuation next to a Han character made full width (the traditional models
 * read ， as ,). Every change keeps a word's length, so the word offsets are exact. It never
 * reorders words: Tesseract's order is the reading order.
 */
final class TsvReader {
    private static final String ASCII_PUNCTUATION = ",;:!?()";
    private static final String FULL_WIDTH_PUNCTUATION = "，；：！？（）";

    private TsvReader() {}

    /** One word row of the TSV. */
    private record Row(String paragraph, String text, int x, int y, int w, int h, double confidence) {}

    static OcrResult read(String tsv, int width, int height, Ocr.Script script) {
        List<List<Row>> paragraphs = new ArrayList<>();
        String currentKey = null;
        for (String line : tsv.split("\n")) {
            String[] c = line.split("\t", -1);
            if (c.length < 12 || !c[0].equals("5")) {
                continue;
            }
            String text = c[11].replaceAll("\\s+", "");
            if (text.isEmpty()) {
                continue;
            }
            String key = c[1] + "/" + c[2] + "/" + c[3];
            if (!key.equals(currentKey)) {
                paragraphs.add(new ArrayList<>());
                currentKey = key;
            }
            paragraphs
                    .get(paragraphs.size() - 1)
                    .add(new Row(
                            key,
                            text,
                            Integer.parseInt(c[6]),
                            Integer.parseInt(c[7]),
                            Integer.parseInt(c[8]),
                            Integer.parseInt(c[9]),
                            Math.max(0, Double.parseDouble(c[10]))));
        }
        StringBuilder text = new StringBuilder();
        List<OcrResult.Word> words = new ArrayList<>();
        double confidenceSum = 0;
        for (List<Row> line : paragraphs) {
            if (text.length() > 0) {
                text.append('\n');
            }
            for (int i = 0; i < line.size(); i++) {
                Row r = line.get(i);
                char before = i > 0 ? last(line.get(i - 1).text()) : '\n';
                char after = i + 1 < line.size() ? line.get(i + 1).text().charAt(0) : '\n';
                String word = fullWidthPunctuation(r.text(), before, after);
                if (i > 0 && !wide(text.charAt(text.length() - 1)) && !wide(word.charAt(0))) {
                    text.append(' ');
                }
                int start = text.length();
                text.append(word);
                words.add(new OcrResult.Word(word, r.x(), r.y(), r.w(), r.h(), start, text.length(), r.confidence()));
                confidenceSum += r.confidence();
            }
        }
        double confidence = words.isEmpty() ? 0 : confidenceSum / words.size();
        return new OcrResult(text.toString(), confidence, width, height, words, script);
    }

    /**
     * {@code word} with each ASCII comma, semicolon, colon, exclamation or question mark or
     * parenthesis beside a Han character replaced by its full-width form, and a full stop after a
     * Han character by 。; {@code before} and {@code after} are the neighbouring words' characters.
     */
    static String fullWidthPunctuation(String word, char before, char after) {
        char[] c = word.toCharArray();
        for (int i = 0; i < c.length; i++) {
            char prev = i > 0 ? word.charAt(i - 1) : before;
            char next = i + 1 < c.length ? word.charAt(i + 1) : after;
            int k = ASCII_PUNCTUATION.indexOf(c[i]);
            if (k >= 0 && (han(prev) || han(next))) {
                c[i] = FULL_WIDTH_PUNCTUATION.charAt(k);
            } else if (c[i] == '.' && han(prev)) {
                c[i] = '。';
            }
        }
        return new String(c);
    }

    /**
     * Han characters, CJK punctuation, full-width forms and the quotes and dashes of Chinese text;
     * also surrogates, since what OCR reads beyond the BMP is CJK.
     */
    static boolean wide(char c) {
        return han(c)
                || Character.isSurrogate(c)
                || (c >= 0x3000 && c <= 0x303F)
                || (c >= 0xFF00 && c <= 0xFFEF)
                || (c >= 0xFE10 && c <= 0xFE4F)
                || (c >= 0x3040 && c <= 0x31FF)
                || c == '“'
                || c == '”'
                || c == '‘'
                || c == '’'
                || c == '—'
                || c == '…'
                || c == '·';
    }

    static boolean han(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static char last(String s) {
        return s.charAt(s.length() - 1);
    }
}
