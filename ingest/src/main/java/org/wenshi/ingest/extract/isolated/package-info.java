/**
 * Parsers that can exhaust memory or hang (PDFBox, POI and the rest of Tika, ofdrw) run here, in
 * child JVMs with their own heap limit: {@link org.wenshi.ingest.extract.isolated.ParserPool} keeps
 * one {@link org.wenshi.ingest.extract.isolated.ParseWorker} process per core, sends it a document
 * over a framed stdin/stdout protocol and kills and replaces it on a timeout, an out-of-memory error
 * or a crash, so a bad document only fails itself. The child detects the real type from the bytes,
 * extracts text per page and renders page images into the store; OCR and text cleaning stay in the
 * ingest process.
 */
package org.wenshi.ingest.extract.isolated;
