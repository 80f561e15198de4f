package app.medianest.server.http;

import app.medianest.model.ApiError;
import app.medianest.model.ErrorEnvelope;
import app.medianest.server.db.DataAccessException;
import app.medianest.server.upstream.UpstreamException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;

/**
 * The one place where exceptions become responses: contract status and code, the standard envelope with the
 * correlation id, never a stack trace. Unexpected exceptions are logged once, with the throwable.
 */
public final class ErrorMapper {
    private static final System.Logger LOG = System.getLogger(ErrorMapper.class.getName());

    private ErrorMapper() {
    }

    /** Writes the error response for {@code t}, unless a response was already sent. */
    public static void handle(ServerRequest req, ServerResponse res, Throwable t) {
        if (res.isSent()) {
            LOG.log(System.Logger.Level.WARNING, "Error after the response was sent: {0} {1}",
                    req.prologue().method().text(), req.path().path(), t);
            return;
        }
        String cid = RequestInfo.of(req).correlationId();
        ApiException e = toApi(t, req, cid);
        e.headers().forEach(res::header);
        res.status(e.status());
        res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8");
        res.send(Json.write(new ErrorEnvelope(new ApiError(e.code(), e.getMessage(), cid, e.details()))));
    }

    static ApiException toApi(Throwable t, ServerRequest req, String cid) {
        return switch (t) {
            case ApiException api -> api;
            case UpstreamException up -> upstream(up);
            case app.medianest.server.db.DatabaseUnavailableException du -> new ApiException(503,
                    "DATABASE_UNAVAILABLE", "The database is unavailable right now; try again shortly", Map.of(),
                    Map.of("Retry-After", "2"));
            case DataAccessException.ConstraintViolation cv ->
                    ApiException.conflict("CONFLICT", "The change conflicts with existing data");
            case RequestException re when re.status().code() == 501 || re.status().code() == 505 ->
                    ApiException.badRequest(DirectErrors.code(re.status().code()), "The request uses an unsupported "
                            + "protocol feature (only HTTP/1.1 with identity or chunked bodies is supported)");
            case RequestException re when re.status().code() < 500 -> fromStatus(re.status().code());
            case HttpException he when he.status().code() < 500 -> fromStatus(he.status().code());
            default -> {
                LOG.log(System.Logger.Level.ERROR, "Unexpected error on " + req.prologue().method().text() + " "
                        + req.path().path() + " [correlationId=" + cid + "]", t);
                yield new ApiException(500, "INTERNAL_ERROR", "Something went wrong on the server; the error is "
                        + "logged with correlation id " + cid);
            }
        };
    }

    /**
     * An upstream failure as the contract wants it: 504 for a timeout, 404 when the upstream said the thing does
     * not exist, else 503. The message names the service, never its body.
     */
    static ApiException upstream(UpstreamException e) {
        String service = displayName(e.service());
        if (e.kind() == UpstreamException.Kind.CLIENT_ERROR && e.status() == 404) {
            return ApiException.notFound(service + " has no such item");
        }
        return switch (e.kind()) {
            case TIMEOUT -> new ApiException(504, "UPSTREAM_TIMEOUT", service + " did not answer in time");
            case NOT_CONFIGURED -> ApiException.unavailable(service + " is not configured");
            case OPEN_BREAKER, BUSY -> ApiException.unavailable(service + " is unavailable right now; try again later");
            case CLIENT_ERROR -> ApiException.unavailable(service + " refused the request (check its configuration)");
            default -> ApiException.unavailable(service + " is not available right now");
        };
    }

    private static String displayName(String service) {
        return switch (service) {
            case "plex" -> "Plex";
            case "overseerr" -> "Overseerr";
            case "uptime-kuma" -> "Uptime Kuma";
            case "youtube" -> "yt-dlp";
            default -> service;
        };
    }

    static ApiException fromStatus(int status) {
        return switch (status) {
            case 404 -> ApiException.notFound("No such resource");
            case 405 -> new ApiException(405, "METHOD_NOT_ALLOWED", "Method not allowed");
            case 413 -> Exchange.tooLarge();
            case 415 -> new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type");
            default -> new ApiException(status, status == 401 ? "UNAUTHORIZED" : "BAD_REQUEST",
                    "The request could not be processed", Map.of(), null);
        };
    }
}
