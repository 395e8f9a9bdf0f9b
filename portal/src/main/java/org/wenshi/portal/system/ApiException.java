package org.wenshi.portal.system;

import org.springframework.http.HttpStatus;

/**
 * A request the portal refuses for a reason the caller can act on (a bad parameter, an unknown
 * document). Carries the HTTP status and the stable machine-readable {@code code} of the error
 * body; the message is meant for people and never contains internals.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, code, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
