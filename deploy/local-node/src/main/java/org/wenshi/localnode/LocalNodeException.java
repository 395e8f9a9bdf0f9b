package org.wenshi.localnode;

/**
 * The local node could not be provisioned, started, reached or stopped.
 *
 * <p>Exists so callers (the command line, ingest's exit code 3, the portal's startup) can tell "the
 * managed node failed" from their own errors. The message is written for a person: it says what
 * failed, what to do when there is something to do, and for a failed start it carries the last lines
 * of the node's logs. It must never be thrown for a state that is merely unusual but workable (a taken
 * port, a stale pid file): those are handled, not reported.
 */
public class LocalNodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalNodeException(String message) {
        super(message);
    }

    public LocalNodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
