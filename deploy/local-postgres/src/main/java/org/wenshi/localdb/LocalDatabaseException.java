package org.wenshi.localdb;

/**
 * The local PostgreSQL could not be installed, initialized, started, reached or stopped, or a backup or
 * restore failed.
 *
 * <p>Exists so callers can tell "the managed database failed" from their own errors. The message is
 * written for a person: what failed, what to do, and for a failed start the end of the server's log.
 */
public class LocalDatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalDatabaseException(String message) {
        super(message);
    }

    public LocalDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
