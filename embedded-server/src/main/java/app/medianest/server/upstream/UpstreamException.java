package app.medianest.server.upstream;

/**
 * An upstream service could not answer usefully: down, timed out, or answered 5xx. The API turns it into
 * 503 SERVICE_UNAVAILABLE or 504 UPSTREAM_TIMEOUT; the upstream's body is never passed on.
 */
public class UpstreamException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as the breaker and the API classify it. */
    public enum Kind {
        TIMEOUT, UNREACHABLE, SERVER_ERROR, CLIENT_ERROR, BAD_RESPONSE, NOT_CONFIGURED, OPEN_BREAKER,
        /** The upstream's bulkhead is full: too many calls to it are in flight (it is probably hanging). */
        BUSY
    }

    private final String service;
    private final Kind kind;
    private final int status;

    public UpstreamException(String service, Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
        this.kind = kind;
        this.status = status;
    }

    public String service() {
        return service;
    }

    public Kind kind() {
        return kind;
    }

    /** The upstream's HTTP status, or 0 when there was none. */
    public int status() {
        return status;
    }

    /** True for failures a circuit breaker should count (not 4xx answers such as 404). */
    public boolean countsAsFailure() {
        return kind == Kind.TIMEOUT || kind == Kind.UNREACHABLE || kind == Kind.SERVER_ERROR
                || kind == Kind.BAD_RESPONSE;
    }
}
