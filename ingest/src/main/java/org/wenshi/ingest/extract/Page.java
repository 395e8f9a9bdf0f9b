package org.wenshi.ingest.extract;

/**
 * One page of a paged document (a PDF, a scanned book, a multi-page image). The document's text is
 * its pages' texts joined with {@code "\n"}, so {@code [startOffset, endOffset)} of the document text
 * is exactly {@link #text}; citations and hit positions rely on both staying stable.
 *
 * @param n the page number, from 1, in file order
 * @param label the printed page label when known (e.g. "iv", "23"), else null
 * @param text the page's clean text (may be empty for a blank page)
 * @param startOffset where the page starts in the document text (UTF-16 offset)
 * @param endOffset where it ends (exclusive)
 * @param ocrConfidence mean word confidence 0..100 when the page was OCR'd, else null
 * @param image relative store path of the reading image (see {@code DocumentStore}), or null
 * @param thumbnail relative store path of the thumbnail, or null
 * @param words relative store path of the OCR word boxes, or null
 */
public record Page(
        int n,
        String label,
        String text,
        int startOffset,
        int endOffset,
        Double ocrConfidence,
        String image,
        String thumbnail,
        String words) {

    public Page {
        if (n < 1) {
            throw new IllegalArgumentException("page numbers start at 1: " + n);
        }
        if (endOffset - startOffset != text.length()) {
            throw new IllegalArgumentException("page " + n + ": offsets do not span its text");
        }
    }
}
