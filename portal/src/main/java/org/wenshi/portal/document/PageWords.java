package org.wenshi.portal.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.wenshi.portal.document.MarkedText.Range;

/**
 * The OCR word boxes of one page image, as ingest writes them (see
 * {@link org.wenshi.schema.DocumentStore}): pixels of the image and offsets into the page's text.
 * It exists to put a hit found in the text onto the image. Tolerant like
 * {@link StoredDocument}: a word without a box or offsets is skipped, an unreadable file is no words.
 *
 * @param width  the image width the boxes are measured in
 * @param height the image height
 * @param words  the words in the file's order
 */
public record PageWords(int width, int height, List<Word> words) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final PageWords NONE = new PageWords(0, 0, List.of());

    /** A word: its box on the image and its place {@code [start, end)} in the page text. */
    public record Word(int x, int y, int w, int h, int start, int end) {}

    /** A rectangle on the page image, in its pixels. */
    public record Box(int x, int y, int w, int h) {}

    public static PageWords parse(byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                return NONE;
            }
            List<Word> words = new ArrayList<>();
            for (JsonNode w : root.path("words")) {
                if (w.path("x").isNumber()
                        && w.path("y").isNumber()
                        && w.path("w").isNumber()
                        && w.path("h").isNumber()
                        && w.path("start").isInt()
                        && w.path("end").isInt()) {
                    words.add(new Word(
                            w.path("x").intValue(),
                            w.path("y").intValue(),
                            w.path("w").intValue(),
                            w.path("h").intValue(),
                            w.path("start").intValue(),
                            w.path("end").intValue()));
                }
            }
            return new PageWords(
                    root.path("width").asInt(0), root.path("height").asInt(0), List.copyOf(words));
        } catch (IOException e) {
            return NONE;
        }
    }

    /** Whether boxes can be drawn: the image size is known. */
    public boolean measured() {
        return width > 0 && height > 0;
    }

    /** The boxes of the words that are part of a hit ({@code hits} are ranges of the page text). */
    public List<Box> boxes(List<Range> hits) {
        List<Box> boxes = new ArrayList<>();
        for (Word w : words) {
            for (Range r : hits) {
                if (r.overlaps(w.start(), w.end())) {
                    boxes.add(new Box(w.x(), w.y(), w.w(), w.h()));
                    break;
                }
            }
        }
        return List.copyOf(boxes);
    }
}
