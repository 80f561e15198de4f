package app.medianest.server.requests;

import app.medianest.model.MediaType;
import app.medianest.model.RequestStatus;
import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /api/v1/webhooks/overseerr}: Overseerr's notifications, authenticated by the configured shared
 * secret (compared in constant time with the {@code Authorization} header, as given or as
 * {@code Bearer <secret>}; with no secret configured every call is 401). Media notifications move the matching
 * request (see {@link UpstreamStatusService}); test, issue, 4K and unknown notifications are answered 200 and
 * ignored, since Overseerr neither retries nor shows our answer.
 */
public final class OverseerrWebhookHttp {
    private static final System.Logger LOG = System.getLogger(OverseerrWebhookHttp.class.getName());
    private static final Map<String, RequestStatus> TYPES = Map.of(
            "MEDIA_APPROVED", RequestStatus.APPROVED,
            "MEDIA_AUTO_APPROVED", RequestStatus.APPROVED,
            "MEDIA_AVAILABLE", RequestStatus.AVAILABLE,
            "MEDIA_DECLINED", RequestStatus.DECLINED,
            "MEDIA_FAILED", RequestStatus.FAILED);

    private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

    private final UpstreamStatusService upstream;
    private final byte[][] accepted;
    private final AtomicLong lastRejectionLog = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);
    private final AtomicLong rejections = new AtomicLong();

    /** @param secret the configured shared secret, or null when none is configured */
    public OverseerrWebhookHttp(UpstreamStatusService upstream, String secret) {
        this.upstream = upstream;
        this.accepted = secret == null || secret.isBlank() ? null
                : new byte[][] {sha256(secret.strip()), sha256("Bearer " + secret.strip())};
    }

    public void routes(RouteTable r) {
        r.post("/api/v1/webhooks/overseerr", Access.SECRET, this::receive);
    }

    private void receive(Exchange ex) {
        if (!authorized(ex.header("Authorization"))) {
            logRejection(ex.clientAddress());
            throw ApiException.unauthorized("Missing or wrong webhook secret");
        }
        JsonNode body = ex.body(JsonNode.class);
        if (!body.isObject()) {
            throw ApiException.validation("body", "must be a JSON object");
        }
        JsonNode type = body.get("notification_type");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            throw ApiException.validation("notification_type", "is required");
        }
        ex.ok(handle(type.asText(), body));
    }

    /** At most one warning a minute, so a flood of bad calls cannot flood the log. */
    private void logRejection(String address) {
        long now = System.nanoTime();
        long last = lastRejectionLog.get();
        long suppressed = rejections.incrementAndGet();
        if (now - last >= LOG_INTERVAL_NANOS && lastRejectionLog.compareAndSet(last, now)) {
            rejections.set(0);
            LOG.log(System.Logger.Level.WARNING, "Rejected {0} Overseerr webhook call(s), the last from {1}: missing "
                    + "or wrong secret{2}", suppressed, address, accepted == null ? " (none is configured)" : "");
        }
    }

    private Map<String, Object> handle(String type, JsonNode body) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("notificationType", type.length() > 64 ? type.substring(0, 64) : type);
        RequestStatus target = TYPES.get(type);
        if (target == null) {
            return ignored(out, "TEST_NOTIFICATION".equals(type) ? "test notification received"
                    : "notification type not handled");
        }
        if (text(body.get("event")).startsWith("4K ")) {
            return ignored(out, "4K requests are not tracked by MediaNest");
        }
        JsonNode media = body.path("media");
        UpstreamStatusService.Update update = new UpstreamStatusService.Update(
                positiveInt(body.path("request").get("request_id")), mediaType(media.get("media_type")),
                positiveInt(media.get("tmdbId")), target,
                target == RequestStatus.DECLINED ? "Declined in Overseerr" : null);
        UpstreamStatusService.Outcome o = upstream.apply(update);
        out.put("handled", o.applied());
        out.put("requestId", o.requestId());
        out.put("status", o.status());
        out.put("note", o.note());
        return out;
    }

    private static Map<String, Object> ignored(Map<String, Object> out, String note) {
        out.put("handled", false);
        out.put("note", note);
        return out;
    }

    private boolean authorized(Optional<String> header) {
        if (accepted == null) {
            return false;
        }
        byte[] given = sha256(header.orElse("").strip());
        // Both comparisons always run, on fixed-length digests: the time says nothing about the secret.
        return MessageDigest.isEqual(given, accepted[0]) | MessageDigest.isEqual(given, accepted[1]);
    }

    /** The default template sends every value as a string ("603"); a custom one may send numbers. */
    static Integer positiveInt(JsonNode n) {
        if (n == null) {
            return null;
        }
        String s = n.isIntegralNumber() ? n.asText() : n.isTextual() ? n.asText().strip() : "";
        try {
            int v = Integer.parseInt(s);
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static MediaType mediaType(JsonNode n) {
        try {
            return n != null && n.isTextual() ? MediaType.parse(n.asText().strip()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : "";
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
