package org.wenshi.ingest.ocr;

import java.awt.image.BufferedImage;

/**
 * Reads the text of one page image. Exists so extractors (scanned PDFs, images) depend on what OCR
 * gives, not on how it runs (a bounded pool of single-threaded Tesseract processes). Implementations
 * are thread-safe, bound their own concurrency and never return text with whitespace between two Han
 * characters.
 */
public interface Ocr {

    /**
     * The text of {@code page}, with word boxes in the image's pixel coordinates.
     *
     * @param script which models to use: the document's script when known, else {@link Script#UNKNOWN}
     */
    OcrResult recognize(BufferedImage page, Script script) throws OcrException;

    /**
     * How many pages this engine reads at once at most; a caller with many pages (a scanned book) can
     * hand over this many together and no more, since more would only wait.
     */
    default int concurrency() {
        return 1;
    }

    /** The script of the text on a page, as far as known before reading it. */
    enum Script {
        SIMPLIFIED,
        TRADITIONAL,
        VERTICAL_TRADITIONAL,
        UNKNOWN
    }
}
