package org.wenshi.ingest.index;

/**
 * Elasticsearch cannot be reached (connection refused, timeouts after retries). Distinct from a
 * document's own indexing error so the command can stop the run with exit code 3 instead of
 * failing every remaining document one by one.
 */
public final class ElasticsearchUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ElasticsearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
