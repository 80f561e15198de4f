package app.medianest.server.metrics;

import app.medianest.server.http.Principal;
import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Authenticator;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;
import io.helidon.http.HeaderNames;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code GET /metrics}: the Prometheus text exposition. Allowed for an admin (session or API key), for
 * {@code Authorization: Bearer <MEDIANEST_METRICS_TOKEN>} when that token is configured, and for anyone when
 * {@code MEDIANEST_METRICS_PUBLIC=true}. Otherwise 401 (no or invalid credentials) or 403 (not an admin).
 * The route is declared {@link Access#SECRET} because it checks its own credentials.
 */
public final class MetricsHttp {
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Metrics metrics;
    private final Authenticator authenticator;
    private final byte[] token;
    private final boolean open;

    public MetricsHttp(Metrics metrics, Authenticator authenticator, Optional<String> token, boolean open) {
        this.metrics = metrics;
        this.authenticator = authenticator;
        this.token = token.map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8)).orElse(null);
        this.open = open;
    }

    public void routes(RouteTable r) {
        r.get("/metrics", Access.SECRET, this::scrape);
    }

    private void scrape(Exchange ex) {
        if (!open) {
            authorize(ex);
        }
        byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        ex.response().status(200);
        ex.response().header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
        ex.response().send(body);
    }

    private void authorize(Exchange ex) {
        Optional<String> auth = ex.header("Authorization");
        if (token != null && auth.isPresent()
                && MessageDigest.isEqual(auth.get().strip().getBytes(StandardCharsets.UTF_8), token)) {
            return;
        }
        Principal p = authenticator.authenticate(ex.request())
                .orElseThrow(() -> ApiException.unauthorized("Metrics need an admin session or API key, or the "
                        + "metrics token"));
        if (!p.isAdmin()) {
            throw ApiException.forbidden("Metrics are for admins");
        }
    }
}
