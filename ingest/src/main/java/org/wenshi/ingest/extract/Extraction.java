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
 */
public record Extraction(
        String title, String text, Charset charset, Map<Metadata, String> metadata, List<String> removedLines) {

    public Extraction {
        metadata = Collections.unmodifiableMap(
                metadata.isEmpty() ? new EnumMap<>(Metadata.class) : new EnumMap<>(metadata));
        removedLines = List.copyOf(removedLines);
    }

    public Optional<String> get(Metadata key) {
        return Optional.ofNullable(metadata.get(key));
    }

    /** The text's paragraphs. */
    public List<String> lines() {
        return List.of(text.split("\n"));
    }
}
