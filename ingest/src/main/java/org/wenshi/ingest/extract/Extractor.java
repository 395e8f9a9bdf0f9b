package org.wenshi.ingest.extract;

/**
 * Turns the bytes of one source into an {@link Extraction}. Implementations are stateless and
 * thread-safe (a run extracts several documents at once), and never throw anything but
 * {@link ExtractionException} for a bad source: a parse error affects only its document.
 */
public interface Extractor {

    Extraction extract(ExtractInput input) throws ExtractionException;

    /** Extracts bytes of unknown origin (tests, benchmarks). */
    default Extraction extract(byte[] bytes) throws ExtractionException {
        return extract(ExtractInput.of(bytes));
    }
}
