package org.wenshi.portal.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A text cut into the pieces a page shows: plain runs, hits (numbered from 1 in reading order) and
 * the places where a printed page begins. It exists so that the document page never inserts markup
 * into the text: the template writes each piece as escaped text and wraps hits in {@code <mark>}
 * itself, so a {@code <script>} in a document can only ever show as text.
 *
 * <p>Hits come from Elasticsearch's highlighter run over the whole field with two private-use
 * characters as tags ({@link #OPEN}, {@link #CLOSE}); {@link #hitsIn} turns that back into offsets of
 * the stored text, which stay valid for the page images' word boxes. It never guesses: if the
 * highlighted text is not the stored text with tags added, there are no hits.
 *
 * @param pieces the text in order; concatenated, their texts are the whole text
 * @param hits   how many hits there are
 */
public record MarkedText(List<Piece> pieces, int hits) {
    /** Begins a hit in highlighted text (U+E000, private use: not found in archive text). */
    public static final String OPEN = "\uE000";
    /** Ends a hit in highlighted text. */
    public static final String CLOSE = "\uE001";

    /**
     * One run of text.
     *
     * @param text      the characters, unescaped
     * @param hit       the hit's number from 1, or 0 for text that is not a hit
     * @param firstPart whether this is where hit {@code hit} begins (a hit split by a page break has two parts)
     * @param page      the printed page that begins here, or {@code null}
     */
    public record Piece(String text, int hit, boolean firstPart, Integer page) {
        /** Whether this run is (part of) a hit; not named isHit, which templates would read as "hit". */
        public boolean marked() {
            return hit > 0;
        }
    }

    /** A stretch {@code [start, end)} of a text. */
    public record Range(int start, int end) {
        public boolean overlaps(int from, int to) {
            return start < to && from < end;
        }
    }

    /** A page's place in the whole text: it begins at {@code start}. */
    public record PageStart(int page, int start) {}

    /**
     * The hits of {@code highlighted} as ranges of {@code text}; empty when the highlighter's text
     * is not {@code text} plus tags.
     */
    public static List<Range> hitsIn(String highlighted, String text) {
        if (highlighted == null || text == null) {
            return List.of();
        }
        List<Range> ranges = new ArrayList<>();
        StringBuilder plain = new StringBuilder(text.length());
        int start = -1;
        for (int i = 0; i < highlighted.length(); i++) {
            char c = highlighted.charAt(i);
            if (c == OPEN.charAt(0)) {
                start = plain.length();
            } else if (c == CLOSE.charAt(0)) {
                if (start >= 0 && plain.length() > start) {
                    ranges.add(new Range(start, plain.length()));
                }
                start = -1;
            } else {
                plain.append(c);
            }
        }
        return plain.toString().equals(text) ? merge(ranges) : List.of();
    }

    /** Sorted, adjacent or overlapping ranges joined: one hit per visible mark. */
    static List<Range> merge(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) ->
                a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(a.end(), b.end()));
        List<Range> merged = new ArrayList<>();
        for (Range r : sorted) {
            Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.start() <= last.end()) {
                merged.set(merged.size() - 1, new Range(last.start(), Math.max(last.end(), r.end())));
            } else {
                merged.add(r);
            }
        }
        return List.copyOf(merged);
    }

    /** {@code text} with its hits and the beginnings of its pages; ranges outside the text are ignored. */
    public static MarkedText of(String text, List<Range> hits, List<PageStart> pages) {
        if (text == null || text.isEmpty()) {
            return new MarkedText(List.of(), 0);
        }
        List<Range> valid = merge(hits.stream()
                .filter(r -> r.start() >= 0 && r.end() <= text.length() && r.start() < r.end())
                .toList());
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(text.length());
        for (Range r : valid) {
            cuts.add(r.start());
            cuts.add(r.end());
        }
        Map<Integer, Integer> pageAt = new HashMap<>();
        for (PageStart p : pages) {
            if (p.start() >= 0 && p.start() < text.length()) {
                cuts.add(p.start());
                pageAt.putIfAbsent(p.start(), p.page());
            }
        }
        List<Piece> pieces = new ArrayList<>();
        Integer[] at = cuts.toArray(Integer[]::new);
        int h = 0; // the first hit that does not end before the current piece
        for (int i = 0; i + 1 < at.length; i++) {
            int from = at[i];
            int to = at[i + 1];
            while (h < valid.size() && valid.get(h).end() <= from) {
                h++;
            }
            boolean inHit = h < valid.size() && valid.get(h).start() <= from;
            int number = inHit ? h + 1 : 0;
            boolean first = inHit && valid.get(h).start() == from;
            pieces.add(new Piece(text.substring(from, to), number, first, pageAt.get(from)));
        }
        return new MarkedText(List.copyOf(pieces), valid.size());
    }

    /** Plain {@code text} without hits or pages. */
    public static MarkedText plain(String text) {
        return of(text, List.of(), List.of());
    }
}
