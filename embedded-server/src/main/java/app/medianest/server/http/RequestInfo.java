package app.medianest.server.http;

import io.helidon.webserver.http.ServerRequest;

/** Per-request facts the common filter registers in the request context: correlation id and start time. */
public record RequestInfo(String correlationId, long startNanos) {

    /** The info of {@code req}, or a fresh one if the filter did not run (should not happen). */
    public static RequestInfo of(ServerRequest req) {
        return req.context().get(RequestInfo.class)
                .orElseGet(() -> new RequestInfo(java.util.UUID.randomUUID().toString(), System.nanoTime()));
    }
}
