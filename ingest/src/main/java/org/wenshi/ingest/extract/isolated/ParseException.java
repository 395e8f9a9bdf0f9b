package org.wenshi.ingest.extract.isolated;

/** A document a worker cannot read; the message is the reason the run report shows. */
final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    ParseException(String reason) {
        super(reason);
    }
}
