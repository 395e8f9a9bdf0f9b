/**
 * Optical character recognition of page images: the {@link org.wenshi.ingest.ocr.Ocr} interface the
 * extractors use, and its Tesseract implementation (one single-threaded process per core).
 */
package org.wenshi.ingest.ocr;
