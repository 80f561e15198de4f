package app.medianest.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cumulative request totals per route (all status classes merged) read from the {@code http.server.requests}
 * timers at one instant. Two readings give what happened in between ({@link #histogramSince}).
 */
final class RequestTotals {
    /** A route template and method. */
    record Route(String method, String route) {
    }

    /** One route's totals since start; {@code cumulative} is aligned with {@link #boundsMs}. */
    static final class Counts {
        long count;
        long errors4xx;
        long errors5xx;
        double maxMs;
        long[] cumulative;
    }

    static final RequestTotals EMPTY = new RequestTotals(Map.of(), new double[0]);

    private final Map<Route, Counts> routes;
    private final double[] boundsMs;

    private RequestTotals(Map<Route, Counts> routes, double[] boundsMs) {
        this.routes = routes;
        this.boundsMs = boundsMs;
    }

    static RequestTotals read(MeterRegistry registry) {
        Map<Route, Counts> routes = new HashMap<>();
        double[] bounds = null;
        for (Timer t : registry.find(RouteMetrics.TIMER).timers()) {
            HistogramSnapshot s = t.takeSnapshot();
            CountAtBucket[] buckets = s.histogramCounts();
            if (bounds == null) {
                bounds = new double[buckets.length];
                for (int i = 0; i < buckets.length; i++) {
                    bounds[i] = buckets[i].bucket(TimeUnit.MILLISECONDS);
                }
            }
            Route key = new Route(t.getId().getTag("method"), t.getId().getTag("route"));
            Counts c = routes.computeIfAbsent(key, k -> new Counts());
            String status = t.getId().getTag("status");
            c.count += s.count();
            if ("4xx".equals(status)) {
                c.errors4xx += s.count();
            } else if ("5xx".equals(status)) {
                c.errors5xx += s.count();
            }
            c.maxMs = Math.max(c.maxMs, s.max(TimeUnit.MILLISECONDS));
            if (c.cumulative == null) {
                c.cumulative = new long[bounds.length];
            }
            for (int i = 0; i < Math.min(buckets.length, c.cumulative.length); i++) {
                c.cumulative[i] += (long) buckets[i].count();
            }
        }
        double[] b = bounds == null ? new double[0] : bounds;
        LatencyHistogram.knownBounds(b);
        return new RequestTotals(routes, b);
    }

    Map<Route, Counts> routes() {
        return routes;
    }

    Counts base(Route r) {
        return routes.get(r);
    }

    /** What {@code route} recorded since {@code base}, as a latency histogram. */
    LatencyHistogram histogramSince(Route route, RequestTotals base) {
        Counts now = routes.get(route);
        if (now == null || now.cumulative == null) {
            return LatencyHistogram.EMPTY;
        }
        Counts then = base.routes.get(route);
        long[] thenCum = then == null || then.cumulative == null || then.cumulative.length != now.cumulative.length
                ? null : then.cumulative;
        return LatencyHistogram.delta(boundsMs, now.cumulative, now.count, thenCum, then == null ? 0 : then.count);
    }
}
