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
        int code = status.code();
        ApiError error = new ApiError(code(code), text(code), cid, null);
        // Every protocol error is the client's: a 5xx here (an unsupported version or transfer coding, a request
        // Helidon could not parse) is answered as 400 with a code that says what was wrong.
        Status answered = code >= 500 ? Status.BAD_REQUEST_400 : status;
        return TransportResponse.builder()
                .status(answered)
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
            case 501 -> "UNSUPPORTED_TRANSFER_ENCODING";
            default -> "BAD_REQUEST";
        };
    }

    private static String text(int status) {
        return switch (status) {
            case 413 -> "The request body is larger than 1 MiB";
            case 414 -> "The request line is too long";
            case 431 -> "The request headers are too large";
            case 505 -> "Only HTTP/1.1 is supported";
            case 501 -> "Only the chunked transfer coding is supported";
            default -> "The request is malformed";
        };
    }
}
