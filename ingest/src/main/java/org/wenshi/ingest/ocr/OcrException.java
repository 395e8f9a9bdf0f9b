package org.wenshi.ingest.ocr;

/** OCR of one page failed (the engine crashed, timed out or is missing); only that document is affected. */
public final class OcrException extends Exception {
    public OcrException(String message) {
        super(message);
    }

    public OcrException(String message, Throwable cause) {
        super(message, cause);
    }
}
