package app.medianest.server.http;

import java.util.Map;

/**
 * An error with a status and code of the contract, thrown by handlers and services and turned into the
 * standard error envelope by {@link ErrorMapper}. Messages are shown to clients: never put secrets or
 * upstream bodies in them.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, Object> details;
    private final transient Map<String, String> headers;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null, null);
    }

    public ApiException(int status, String code, String message, Map<String, Object> details,
                        Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    /** 400 VALIDATION_ERROR with per-field messages. */
    public static ApiException validation(Map<String, Object> fieldErrors) {
        return new ApiException(400, "VALIDATION_ERROR", "The request is not valid", fieldErrors, null);
    }

    public static ApiException validation(String field, String message) {
        return validation(Map.of(field, message));
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "UNAUTHORIZED", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "FORBIDDEN", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public static ApiException rateLimited(long retryAfterSeconds, String message) {
        return new ApiException(429, "RATE_LIMITED", message, Map.of("retryAfterSeconds", retryAfterSeconds),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, "SERVICE_UNAVAILABLE", message);
    }
}
