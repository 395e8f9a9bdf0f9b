package org.wenshi.portal.system;

/**
 * The one error shape of the API: {@code {"error": {"code": "...", "message": "..."}}}.
 *
 * @param error what went wrong
 */
public record ErrorBody(Detail error) {

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(new Detail(code, message));
    }

    /**
     * @param code    stable, machine-readable, snake_case
     * @param message for people; never a stack trace or an internal name
     */
    public record Detail(String code, String message) {}
}
