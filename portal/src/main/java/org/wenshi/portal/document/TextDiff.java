package org.wenshi.portal.document;

import java.util.ArrayList;
import java.util.List;

/**
 * The differences between two versions of a text, line by line, as a reader of a reprint wants
 * them: which lines the other version adds or drops against the main one, with unchanged lines
 * around each change for context and long unchanged stretches folded. A line is a line of the
 * text, long lines being cut after each sentence (。！？), so that a reprint that changed one
 * sentence of a paragraph shows that sentence rather than the whole paragraph.
 *
 * <p>Computed at view time from the stored texts. Bounded: common beginning and end are taken off
 * first and the rest is compared by longest common subsequence only up to {@link #MAX_CELLS}; a
 * larger comparison is refused ({@link Result#comparable()} is {@code false}) rather than slowing
 * the page down.
 */
public final class TextDiff {
    /** Lines unchanged shown before and after a change. */
    static final int CONTEXT = 2;
    /** Largest product of the numbers of differing lines that is compared. */
    static final long MAX_CELLS = 1_000_000L;

    private TextDiff() {}

    /** How a line of the comparison relates to the main version. */
    public enum Kind {
        SAME,
        ADDED,
        REMOVED,
        /** Unchanged lines left out; {@link Line#text()} is empty and {@link Line#folded()} says how many. */
        FOLDED
    }

    /** One line of the comparison. */
    public record Line(Kind kind, String text, int folded) {
        public boolean isAdded() {
            return kind == Kind.ADDED;
        }

        public boolean isRemoved() {
            return kind == Kind.REMOVED;
        }

        public boolean isFolded() {
            return kind == Kind.FOLDED;
        }
    }

    /**
     * @param lines      the comparison with context, or empty
     * @param added      lines only the other version has
     * @param removed    lines only the main version has
     * @param comparable {@code false} when the texts were too different or too long to compare
     */
    public record Result(List<Line> lines, int added, int removed, boolean comparable) {
        public boolean identical() {
            return comparable && added == 0 && removed == 0;
        }
    }

    /** What {@code other} adds to and removes from {@code main}. */
    public static Result compare(String main, String other) {
        List<String> a = lines(main);
        List<String> b = lines(other);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix
                && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> midA = a.subList(prefix, a.size() - suffix);
        List<String> midB = b.subList(prefix, b.size() - suffix);
        if ((long) midA.size() * midB.size() > MAX_CELLS) {
            return new Result(List.of(), 0, 0, false);
        }
        List<Line> all = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            all.add(new Line(Kind.SAME, a.get(i), 0));
        }
        all.addAll(middle(midA, midB));
        for (int i = a.size() - suffix; i < a.size(); i++) {
            all.add(new Line(Kind.SAME, a.get(i), 0));
        }
        int added = (int) all.stream().filter(Line::isAdded).count();
        int removed = (int) all.stream().filter(Line::isRemoved).count();
        return new Result(fold(all), added, removed, true);
    }

    /** The lines of a text: its lines, cut after each sentence end; blank lines dropped, spaces trimmed. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String line : text.split("\\R")) {
            StringBuilder sentence = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                sentence.append(c);
                boolean end = c == '。' || c == '！' || c == '？';
                boolean closing = i + 1 < line.length() && "”」』）)".indexOf(line.charAt(i + 1)) >= 0;
                if (end && !closing) {
                    add(lines, sentence);
                } else if ("”」』".indexOf(c) >= 0 && i > 0 && "。！？".indexOf(line.charAt(i - 1)) >= 0) {
                    add(lines, sentence);
                }
            }
            add(lines, sentence);
        }
        return lines;
    }

    private static void add(List<String> lines, StringBuilder sentence) {
        String s = sentence.toString().strip();
        if (!s.isEmpty()) {
            lines.add(s);
        }
        sentence.setLength(0);
    }

    /** Longest common subsequence of the lines, then the edit script in reading order (a removed line before its replacement). */
    private static List<Line> middle(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Line(Kind.SAME, a.get(i), 0));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Line(Kind.REMOVED, a.get(i), 0));
                i++;
            } else {
                out.add(new Line(Kind.ADDED, b.get(j), 0));
                j++;
            }
        }
        return out;
    }

    /** Keeps {@link #CONTEXT} unchanged lines around each change and folds the rest. */
    private static List<Line> fold(List<Line> all) {
        boolean[] keep = new boolean[all.size()];
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).kind() != Kind.SAME) {
                for (int k = Math.max(0, i - CONTEXT); k <= Math.min(all.size() - 1, i + CONTEXT); k++) {
                    keep[k] = true;
                }
            }
        }
        List<Line> out = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < all.size(); i++) {
            if (keep[i]) {
                if (skipped > 0) {
                    out.add(new Line(Kind.FOLDED, "", skipped));
                    skipped = 0;
                }
                out.add(all.get(i));
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            out.add(new Line(Kind.FOLDED, "", skipped));
        }
        return List.copyOf(out);
    }
}
