package org.wenshi.ingest.ocr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns Tesseract's TSV output (one row per page, block, paragraph, line and word, words with box
 * and confidence) into an {@link OcrResult}: one text line per paragraph, the printed lines of a
 * paragraph joined (a Chinese sentence wraps anywhere, and a line break inside a phrase would stop
 * phrase search finding it), words joined with a space only where neither side is Chinese, ASCII
 * punctuation next to a Han character made full width (the traditional models read ， as ,). Every
 * change keeps a word's length, so the word offsets are exact. It never reorders words: Tesseract's
 * order is the reading order.
 *
 * <p>A paragraph ends where Tesseract says, and also where a printed line stops short of the
 * measure or the next one is indented or centred (Tesseract joins a title to a short first
 * paragraph).
 */
final class TsvReader {
    private static final String ASCII_PUNCTUATION = ",;:!?()";
    private static final String FULL_WIDTH_PUNCTUATION = "，；：！？（）";
    /** A line ending this many ems before the measure ends its paragraph. */
    private static final double SHORT_LINE_EMS = 1.5;
    /** A line starting this many ems after the margin starts a paragraph. */
    private static final double INDENT_EMS = 0.8;

    private TsvReader() {}

    /** One word row of the TSV. */
    private record Word(String text, int x, int y, int w, int h, double confidence) {}

    /** One printed line (a column on a vertical page): its paragraph and its words. */
    private static final class Line {
        final String paragraph;
        final List<Word> words = new ArrayList<>();
        int start = Integer.MAX_VALUE;
        int end = Integer.MIN_VALUE;
        int thickness;

        Line(String paragraph) {
            this.paragraph = paragraph;
        }

        void add(Word w, boolean vertical) {
            words.add(w);
            start = Math.min(start, vertical ? w.y() : w.x());
            end = Math.max(end, vertical ? w.y() + w.h() : w.x() + w.w());
            thickness = Math.max(thickness, vertical ? w.w() : w.h());
        }
    }

    /**
     * @param vertical true when the page was read as columns (the {@code _vert} models)
     */
    static OcrResult read(String tsv, int width, int height, Ocr.Script script, boolean vertical) {
        List<Line> lines = lines(tsv, vertical);
        double em = lines.isEmpty()
                ? 0
                : Arrays.stream(lines.stream()
                                .mapToInt(l -> l.thickness)
                                .sorted()
                                .toArray())
                        .skip(lines.size() / 2)
                        .findFirst()
                        .orElse(0);
        int margin = lines.stream().mapToInt(l -> l.start).min().orElse(0);
        int measure = lines.stream().mapToInt(l -> l.end).max().orElse(0);

        StringBuilder text = new StringBuilder();
        List<OcrResult.Word> words = new ArrayList<>();
        double confidenceSum = 0;
        Line previous = null;
        for (Line line : lines) {
            boolean newParagraph = previous == null
                    || !previous.paragraph.equals(line.paragraph)
                    || previous.end < measure - SHORT_LINE_EMS * em
                    || line.start > margin + INDENT_EMS * em;
            if (newParagraph && previous != null) {
                text.append('\n');
            }
            for (int i = 0; i < line.words.size(); i++) {
                Word r = line.words.get(i);
                char before = i > 0
                        ? last(line.words.get(i - 1).text())
                        : !newParagraph
                                ? last(previous.words
                                        .get(previous.words.size() - 1)
                                        .text())
                                : '\n';
                char after =
                        i + 1 < line.words.size() ? line.words.get(i + 1).text().charAt(0) : '\n';
                String word = fullWidthPunctuation(r.text(), before, after);
                boolean joined = i > 0 || !newParagraph;
                if (joined && !wide(text.charAt(text.length() - 1)) && !wide(word.charAt(0))) {
                    text.append(' ');
                }
                int start = text.length();
                text.append(word);
                words.add(new OcrResult.Word(word, r.x(), r.y(), r.w(), r.h(), start, text.length(), r.confidence()));
                confidenceSum += r.confidence();
            }
            previous = line;
        }
        double confidence = words.isEmpty() ? 0 : confidenceSum / words.size();
        return new OcrResult(text.toString(), confidence, width, height, words, script);
    }

    private static List<Line> lines(String tsv, boolean vertical) {
        List<Line> lines = new ArrayList<>();
        String currentKey = null;
        for (String row : tsv.split("\n")) {
            String[] c = row.split("\t", -1);
            if (c.length < 12 || !c[0].equals("5")) {
                continue;
            }
            String text = c[11].replaceAll("\\s+", "");
            if (text.isEmpty()) {
                continue;
            }
            String paragraph = c[1] + "/" + c[2] + "/" + c[3];
            String key = paragraph + "/" + c[4];
            if (!key.equals(currentKey)) {
                lines.add(new Line(paragraph));
                currentKey = key;
            }
            lines.get(lines.size() - 1)
                    .add(
                            new Word(
                                    text,
                                    Integer.parseInt(c[6]),
                                    Integer.parseInt(c[7]),
                                    Integer.parseInt(c[8]),
                                    Integer.parseInt(c[9]),
                                    Math.max(0, Double.parseDouble(c[10]))),
                            vertical);
        }
        return lines;
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
