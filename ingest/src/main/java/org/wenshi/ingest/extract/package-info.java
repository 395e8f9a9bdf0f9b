/**
 * Stage 2, extraction: bytes of one source to clean text, a title and the few metadata the source
 * states about itself (publication date, site, byline, editors). One extractor per format, chosen
 * by {@link org.wenshi.ingest.extract.Extractors}; the charset of text formats is found from the
 * bytes by {@link org.wenshi.ingest.extract.CharsetGuesser}. Extractors never guess places, themes
 * or dates from the text: that is enrichment. Later issues add Tika, OCR, PDF and OFD extractors here.
 */
package org.wenshi.ingest.extract;
