package app.medianest.console.api;

/**
 * A call to the server that did not succeed: an error envelope ({@code status} and {@code code}), or no answer
 * at all ({@code status} 0, code {@code UNREACHABLE}).
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The route is not served by this server version (404 for an unknown route). */
    public boolean notServed() {
        return status == 404 && ("NOT_FOUND".equals(code) || "ROUTE_NOT_FOUND".equals(code));
    }

    /** A one-line message for the UI, for example {@code "409 ALREADY_REQUESTED: ..."}. */
    public String display() {
        return status == 0 ? getMessage() : getMessage() + " (" + status + " " + code + ")";
    }
}
