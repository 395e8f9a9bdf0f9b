package org.wenshi.portal.system;

/**
 * Elasticsearch cannot answer right now: not reachable, overloaded, too slow, or the index is not
 * there yet. Always becomes 503, on the API as the error body and on pages as a friendly message;
 * the cause is logged, never shown.
 */
public class ElasticsearchUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ElasticsearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
