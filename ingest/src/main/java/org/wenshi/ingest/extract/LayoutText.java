package org.wenshi.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Clean text from a laid-out page (a PDF or OFD text layer, a Word body): lines a layout wrapped
 * are joined back into paragraphs, and whitespace between two Han characters is removed, since
 * Chinese puts none there and a stray space breaks phrase search. A line is a continuation when the
 * line before it is about as long as the longest line of the page and does not end a sentence, and
 * it is not indented. It never reorders or drops text, only whitespace.
 */
public final class LayoutText {
    private static final String CJK =
            "\\p{IsHan}\\p{InCJK_Symbols_and_Punctuation}\\p{InHalfwidth_and_Fullwidth_Forms}";
    private static final Pattern SPACE_BETWEEN_HAN = Pattern.compile("(?<=[" + CJK + "])\\s+(?=[" + CJK + "])");
    private static final Pattern INDENT = Pattern.compile("^[\\s\\u3000\\u00A0]+\\S.*");
    private static final String SENTENCE_END = "。！？；：…」』”’）)!?;:";
    /** A line at least this share of the longest line is taken as wrapped, not ending a paragraph. */
    private static final double FULL_LINE = 0.85;

    private static final int MIN_WRAP_LENGTH = 12;

    private LayoutText() {}

    /** The clean paragraphs of one page's raw text, joined by {@code "\n"}; empty when there is no text. */
    public static String clean(String raw) {
        List<String> lines = new ArrayList<>();
        List<Boolean> starts = new ArrayList<>();
        boolean afterBlank = true;
        for (String rawLine : raw.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            String line = removeHanSpaces(TextLines.cleanLine(rawLine));
            if (line.isEmpty()) {
                afterBlank = true;
                continue;
            }
            lines.add(line);
            starts.add(afterBlank || INDENT.matcher(rawLine).matches());
            afterBlank = false;
        }
        int longest = lines.stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > 0) {
                String previous = lines.get(i - 1);
                boolean wrapped = !starts.get(i)
                        && longest >= MIN_WRAP_LENGTH
                        && previous.length() >= FULL_LINE * longest
                        && SENTENCE_END.indexOf(previous.charAt(previous.length() - 1)) < 0;
                if (!wrapped) {
                    out.append('\n');
                } else if (!(isCjk(previous.charAt(previous.length() - 1)) && isCjk(line.charAt(0)))) {
                    out.append(' ');
                }
            }
            out.append(line);
        }
        return out.toString();
    }

    /** Clean lines of text whose lines are already paragraphs (a Word or EPUB body), joined by {@code "\n"}. */
    public static String paragraphs(String raw) {
        List<String> lines = new ArrayList<>();
        for (String line : TextLines.clean(raw)) {
            lines.add(removeHanSpaces(line));
        }
        return String.join("\n", lines);
    }

    /** {@code text} without whitespace between two Han characters (or CJK punctuation). */
    public static String removeHanSpaces(String text) {
        return SPACE_BETWEEN_HAN.matcher(text).replaceAll("");
    }

    private static boolean isCjk(char c) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }
}
