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

    private final RequestTimers timers;

    /** A filter that times nothing. */
    public CommonFilter() {
        this(RequestTimers.NONE);
    }

    public CommonFilter(RequestTimers timers) {
        this.timers = timers;
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
        if (req.headers().contentLength().orElse(0L) > Exchange.MAX_BODY) {
            ErrorMapper.handle(req, res, Exchange.tooLarge());
            return;
        }
        chain.proceed();
    }
}
