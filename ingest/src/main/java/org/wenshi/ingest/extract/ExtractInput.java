package org.wenshi.ingest.extract;

import java.util.Optional;
import org.wenshi.ingest.source.Source;

/**
 * One source's bytes handed to an {@link Extractor}, with what is known about them before parsing.
 * Exists so extractors that write page images or originals can name the document (its id comes
 * from the source) and so a declared charset or media type (HTTP, web archive) reaches the parser.
 *
 * @param bytes the whole source
 * @param source the source: url, document id, extension, kind
 * @param declaredType the media type the carrier declared (e.g. {@code text/html; charset=gbk}), if any
 */
public record ExtractInput(byte[] bytes, Source source, Optional<String> declaredType) {

    /** Bytes without a known source (unit tests, bare benchmarks). */
    public static ExtractInput of(byte[] bytes) {
        return new ExtractInput(bytes, null, Optional.empty());
    }

    /** The document id, when the source is known. */
    public Optional<String> documentId() {
        return source == null ? Optional.empty() : Optional.of(source.documentId());
    }
}
