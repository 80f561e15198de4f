package app.medianest.server.http;

import io.helidon.webserver.http.ServerRequest;

/**
 * Per-request facts the common filter registers in the request context: correlation id, start time, and
 * the timer of the route that took the request (set by the route table, read when the response is sent).
 */
public final class RequestInfo {
    private final String correlationId;
    private final long startNanos;
    private RequestTimers.RouteTimer route;

    public RequestInfo(String correlationId, long startNanos) {
        this.correlationId = correlationId;
        this.startNanos = startNanos;
    }

    public String correlationId() {
        return correlationId;
    }

    public long startNanos() {
        return startNanos;
    }

    /** The matched route's timer, null when no route took the request (yet). */
    public RequestTimers.RouteTimer route() {
        return route;
    }

    public void route(RequestTimers.RouteTimer timer) {
        this.route = timer;
    }

    /** The info of {@code req}, or a fresh one if the filter did not run (should not happen). */
    public static RequestInfo of(ServerRequest req) {
        return req.context().get(RequestInfo.class)
                .orElseGet(() -> new RequestInfo(java.util.UUID.randomUUID().toString(), System.nanoTime()));
    }
}
