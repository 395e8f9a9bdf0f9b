package org.wenshi.ingest.extract;

/**
 * A source whose text cannot be extracted (empty, binary, unreadable). Its message is the reason
 * the run report shows, so it must be short and say what is wrong with the source, not where in
 * the code it failed.
 */
public final class ExtractionException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExtractionException(String reason) {
        super(reason);
    }
}
