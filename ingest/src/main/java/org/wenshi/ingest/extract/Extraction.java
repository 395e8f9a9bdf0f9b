package org.wenshi.ingest.extract;

import java.nio.charset.Charset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of extracting one source: the canonical text (paragraphs separated by {@code "\n"},
 * boilerplate removed), a title and what the source stated about itself. Immutable; it never
 * carries enrichment.
 *
 * @param title the document's own title, never blank
 * @param text the clean text, never blank
 * @param charset the charset the bytes were decoded with
 * @param metadata what the source stated about itself
 * @param removedLines boilerplate lines taken out of the text (kept so enrichers can still read a
 *     发布时间 or 来源 line the text no longer holds)
 * @param pages the pages of a paged document, in order, their texts joined by {@code "\n"} making
 *     {@code text}; empty for a document without pages (a web page, a plain text)
 * @param original relative store path of the kept original file, or null
 */
public record Extraction(
        String title,
        String text,
        Charset charset,
        Map<Metadata, String> metadata,
        List<String> removedLines,
        List<Page> pages,
        String original) {

    public Extraction {
        metadata = Collections.unmodifiableMap(
                metadata.isEmpty() ? new EnumMap<>(Metadata.class) : new EnumMap<>(metadata));
        removedLines = List.copyOf(removedLines);
        pages = List.copyOf(pages);
        for (Page p : pages) {
            if (p.endOffset() > text.length() || !text.startsWith(p.text(), p.startOffset())) {
                throw new IllegalArgumentException("page " + p.n() + " is not where its offsets say in the text");
            }
        }
    }

    /** A document without pages and without a kept original. */
    public Extraction(
            String title, String text, Charset charset, Map<Metadata, String> metadata, List<String> removedLines) {
        this(title, text, charset, metadata, removedLines, List.of(), null);
    }

    /** This extraction with its original kept at {@code path} (relative to the store). */
    public Extraction withOriginal(String path) {
        return new Extraction(title, text, charset, metadata, removedLines, pages, path);
    }

    /** True when any page was read by OCR. */
    public boolean ocr() {
        return pages.stream().anyMatch(p -> p.ocrConfidence() != null);
    }

    public Optional<String> get(Metadata key) {
        return Optional.ofNullable(metadata.get(key));
    }

    /** The text's paragraphs. */
    public List<String> lines() {
        return List.of(text.split("\n"));
    }
}
