package app.medianest.server.http;

import app.medianest.model.ApiError;
import app.medianest.model.ErrorEnvelope;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

import java.util.UUID;

/**
 * Errors Helidon answers itself, before routing (an over-long request line or header block, a malformed
 * request line or percent-encoding): the same standard envelope as every other error, instead of an empty
 * body. Nothing of the bad request is echoed.
 */
public final class DirectErrors implements DirectHandler {
    private DirectErrors() {
    }

    /** A handler for every event type. */
    public static DirectHandlers handlers() {
        DirectErrors handler = new DirectErrors();
        DirectHandlers.Builder b = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            b.addHandler(type, handler);
        }
        return b.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        String cid = UUID.randomUUID().toString();
        ApiError error = new ApiError(code(status.code()), text(status.code()), cid, null);
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8")
                .header(HeaderNames.create("X-Correlation-Id"), cid)
                .header(HeaderNames.create("X-Content-Type-Options"), "nosniff")
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .entity(Json.write(new ErrorEnvelope(error)))
                .keepAlive(false)
                .build();
    }

    static String code(int status) {
        return switch (status) {
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 431 -> "HEADERS_TOO_LARGE";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 505 -> "HTTP_VERSION_NOT_SUPPORTED";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    private static String text(int status) {
        return switch (status) {
            case 413 -> "The request body is larger than 1 MiB";
            case 414 -> "The request line is too long";
            case 431 -> "The request headers are too large";
            default -> status >= 500 ? "The server could not process the request" : "The request is malformed";
        };
    }
}
