package org.wenshi.ingest.ocr;

import java.util.List;
import java.util.Objects;

/**
 * What OCR read on one page.
 *
 * @param text the page's text, one paragraph a line (the printed lines of a paragraph joined), lines
 *     separated by {@code "\n"}, no whitespace between Han characters
 * @param confidence mean word confidence, 0..100
 * @param width width in pixels of the image the boxes refer to
 * @param height height in pixels
 * @param words the words with their boxes; {@code start}/{@code end} are offsets into {@code text}
 * @param script the script whose models read the page ({@link Ocr.Script#VERTICAL_TRADITIONAL} when
 *     read as vertical traditional text): what a caller that asked for {@link Ocr.Script#UNKNOWN} can
 *     pass for the document's next pages; {@link Ocr.Script#UNKNOWN} when the engine does not say
 */
public record OcrResult(String text, double confidence, int width, int height, List<Word> words, Ocr.Script script) {

    public OcrResult {
        words = List.copyOf(words);
        Objects.requireNonNull(script, "script");
    }

    /** A result that does not say which models read it. */
    public OcrResult(String text, double confidence, int width, int height, List<Word> words) {
        this(text, confidence, width, height, words, Ocr.Script.UNKNOWN);
    }

    /** One recognised word (for Chinese usually one or a few characters) and its box. */
    public record Word(String text, int x, int y, int w, int h, int start, int end, double confidence) {}
}
