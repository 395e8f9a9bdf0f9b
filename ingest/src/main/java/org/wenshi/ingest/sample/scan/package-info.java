/**
 * Renders Chinese text to page images that look like clean scans of a printed book (Noto Serif or
 * Sans CJK, 200 dpi, A4, optional noise and skew; horizontal lines, or vertical columns read right
 * to left for a traditional-character volume), and writes them as multi-page TIFF, PNG, JPEG or an
 * image-only PDF. Used by OCR tests, the OCR benchmark and the sample archive; every output is
 * deterministic for the same text and style, so a page's known text is its gold text.
 */
package org.wenshi.ingest.sample.scan;
