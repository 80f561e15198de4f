package app.medianest.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Runs around every request: correlation id (echoed when sane, generated otherwise), response time,
 * security headers, the early 413 for declared oversized bodies, and the per-route request timer (recorded
 * once, when the response is sent, into the timer the route table put in the {@link RequestInfo}).
 */
public final class CommonFilter implements io.helidon.webserver.http.Filter {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");
    private static final String ALLOW_HEADERS = "Authorization, Content-Type, X-Api-Key, If-None-Match, "
            + "Last-Event-ID, X-Correlation-Id";
    private static final String EXPOSE_HEADERS = "X-Correlation-Id, X-Response-Time, ETag, Retry-After, X-Cache";

    private final java.util.Set<String> corsOrigins;
    private final RequestTimers timers;

    /**
     * @param timers      where request durations are recorded
     * @param corsOrigins browser origins allowed to call the API ({@code *} for any); empty turns CORS off
     */
    public CommonFilter(RequestTimers timers, java.util.Set<String> corsOrigins) {
        this.timers = timers;
        this.corsOrigins = java.util.Set.copyOf(corsOrigins);
    }

    /** Parses the comma-separated {@code MEDIANEST_CORS_ORIGINS} value. */
    public static java.util.Set<String> origins(String csv) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String o : (csv == null ? "" : csv).split(",")) {
            String t = o.strip();
            if (!t.isEmpty()) {
                out.add(t.endsWith("/") ? t.substring(0, t.length() - 1) : t);
            }
        }
        return out;
    }

    /** A filter that times nothing and allows no cross-origin callers. */
    public CommonFilter() {
        this(RequestTimers.NONE, java.util.Set.of());
    }

    public CommonFilter(RequestTimers timers) {
        this(timers, java.util.Set.of());
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        String given = req.headers().first(HeaderNames.create("X-Correlation-Id")).orElse("");
        String cid = SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        RequestInfo info = new RequestInfo(cid, start);
        req.context().register(info);
        res.header("X-Correlation-Id", cid);
        res.header("X-Content-Type-Options", "nosniff");
        res.header("X-Frame-Options", "DENY");
        res.header("Referrer-Policy", "no-referrer");
        res.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        res.beforeSend(() -> {
            long nanos = System.nanoTime() - start;
            res.header("X-Response-Time", String.format(Locale.ROOT, "%.3fms", nanos / 1_000_000.0));
            if (timers.enabled()) {
                RequestTimers.RouteTimer t = info.route();
                (t != null ? t : timers.unmatched(req.prologue().method().text())).record(res.status().code(), nanos);
            }
            if (!res.headers().contains(HeaderNames.CACHE_CONTROL)) {
                res.header(HeaderNames.CACHE_CONTROL, "no-store");
            }
        });
        String origin = req.headers().first(HeaderNames.ORIGIN).orElse(null);
        if (origin != null && !corsOrigins.isEmpty() && (corsOrigins.contains(origin) || corsOrigins.contains("*"))) {
            res.header("Access-Control-Allow-Origin", origin);
            res.header("Vary", "Origin");
            res.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
            if (req.prologue().method().text().equals("OPTIONS")
                    && req.headers().contains(HeaderNames.create("Access-Control-Request-Method"))) {
                res.header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
                res.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
                res.header("Access-Control-Max-Age", "600");
                res.status(204).send();
                return;
            }
        }
        if (req.headers().contentLength().orElse(0L) > Exchange.MAX_BODY) {
            ErrorMapper.handle(req, res, Exchange.tooLarge());
            return;
        }
        chain.proceed();
    }
}
