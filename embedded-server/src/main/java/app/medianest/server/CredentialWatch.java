package app.medianest.server;

import app.medianest.model.perf.AlertSeverity;
import app.medianest.server.alerts.AlertEngine;
import app.medianest.server.services.ServiceName;
import app.medianest.server.upstream.UpstreamHttp;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Notices when Plex (expired or revoked token, 401), Overseerr (bad API key, 403 from its auth middleware) or
 * Uptime Kuma (bad metrics key, 401) rejects MediaNest's credential, on any call, and raises a critical alert
 * {@code credential.<service>} naming the service and what to do; the admins are notified through the alert.
 * The alert resolves when the periodic check ({@link #check}) finds the credential accepted again.
 */
final class CredentialWatch implements UpstreamHttp.AnswerListener {
    private static final Map<String, ServiceName> WATCHED = Map.of("plex", ServiceName.PLEX, "overseerr",
            ServiceName.OVERSEERR, "uptime-kuma", ServiceName.UPTIME_KUMA);

    private final AlertEngine alerts;

    CredentialWatch(AlertEngine alerts) {
        this.alerts = alerts;
    }

    @Override
    public void answered(UpstreamHttp.Answer a) {
        if (WATCHED.containsKey(a.service()) && rejected(a)) {
            rejected(WATCHED.get(a.service()));
        }
    }

    static boolean rejected(UpstreamHttp.Answer a) {
        return switch (a.service()) {
            case "plex", "uptime-kuma" -> a.status() == 401 || a.status() == 403;
            // Overseerr answers a bad key with 403 from its auth middleware ({"status":403,"error":...}); its
            // routes' own 403s (quota, a missing permission of the X-API-User) carry a "message" instead.
            case "overseerr" -> a.status() == 401 || a.status() == 403
                    && new String(a.body(), StandardCharsets.UTF_8).contains("\"error\"");
            default -> false;
        };
    }

    void rejected(ServiceName s) {
        alerts.raise(key(s), AlertSeverity.CRITICAL, message(s));
    }

    void accepted(ServiceName s) {
        alerts.resolve(key(s));
    }

    static String key(ServiceName s) {
        return "credential." + s.wire();
    }

    static String message(ServiceName s) {
        return switch (s) {
            case PLEX -> "Plex rejected the token: sign in to Plex again or paste a new token under Settings > "
                    + "Services > Plex";
            case OVERSEERR -> "Overseerr rejected the API key: copy the key from Overseerr (Settings > General) to "
                    + "Settings > Services > Overseerr";
            case UPTIME_KUMA -> "Uptime Kuma rejected the metrics API key: create a key in Uptime Kuma (Settings > "
                    + "API Keys) and enter it under Settings > Services > Uptime Kuma";
            default -> s.displayName() + " rejected MediaNest's credential";
        };
    }

    /** One check of each configured service's credential with an authenticated call; resolves on success. */
    void check(Predicate<ServiceName> probe) {
        for (ServiceName s : WATCHED.values()) {
            try {
                if (probe.test(s)) {
                    accepted(s);
                }
            } catch (RuntimeException e) {
                // unreachable or failing: the breaker and service status report that; the credential is unknown
            }
        }
    }
}
