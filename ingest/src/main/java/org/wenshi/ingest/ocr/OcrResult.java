package org.wenshi.ingest.ocr;

import java.util.List;

/**
 * What OCR read on one page.
 *
 * @param text the page's text, lines separated by {@code "\n"}, no whitespace between Han characters
 * @param confidence mean word confidence, 0..100
 * @param width width in pixels of the image the boxes refer to
 * @param height height in pixels
 * @param words the words with their boxes; {@code start}/{@code end} are offsets into {@code text}
 */
public record OcrResult(String text, double confidence, int width, int height, List<Word> words) {

    public OcrResult {
        words = List.copyOf(words);
    }

    /** One recognised word (for Chinese usually one or a few characters) and its box. */
    public record Word(String text, int x, int y, int w, int h, int start, int end, double confidence) {}
}
