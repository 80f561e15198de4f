package app.medianest.server.metrics;

import app.medianest.server.http.RequestTimers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;

/**
 * Per-route request timers: {@code http.server.requests} tagged {@code method}, {@code route} (the route
 * TEMPLATE, never the raw path, so cardinality stays bounded) and {@code status} (class: 2xx, 4xx, ...), with
 * client-side p50/p95/p99 over a sliding window of about a minute and all-time histogram buckets.
 *
 * <p>Cheap on the hot path: the route table asks for one {@link RouteMeters} per route at start, the common
 * filter records once per request into a timer already looked up (one array read after the first request of
 * each status class).
 */
public final class RouteMetrics implements RequestTimers {
    /** The timer's name. */
    public static final String TIMER = "http.server.requests";
    /**
     * The sliding-window percentiles of each timer, as gauges tagged like the timer plus {@code phi}: the
     * Prometheus exposition cannot carry client-side quantiles on a histogram, so they get their own family.
     */
    public static final String PERCENTILES = "http.server.requests.percentile";
    private static final double[] PHIS = {0.5, 0.95, 0.99};
    /** The route tag of requests no route took (404/405 fallback, early 413). */
    public static final String UNMATCHED = "unmatched";
    /** Length of the sliding percentile window. */
    public static final Duration WINDOW = Duration.ofSeconds(60);
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final String[] CLASSES = {"1xx", "1xx", "2xx", "3xx", "4xx", "5xx"};

    private final MeterRegistry registry;
    private final BooleanSupplier enabled;
    private final Map<String, RouteMeters> unmatched = new ConcurrentHashMap<>();

    public RouteMetrics(MeterRegistry registry, BooleanSupplier enabled) {
        this.registry = registry;
        this.enabled = enabled;
    }

    /** Whether requests are being timed (the {@code route-metrics} flag). */
    @Override
    public boolean enabled() {
        return enabled.getAsBoolean();
    }

    /** The meters of one route template. */
    @Override
    public RouteMeters route(String method, String template) {
        return new RouteMeters(method, template);
    }

    /** The meters of requests no route took, per (bounded) method. */
    @Override
    public RouteMeters unmatched(String method) {
        String m = METHODS.contains(method) ? method : "OTHER";
        return unmatched.computeIfAbsent(m, k -> new RouteMeters(k, UNMATCHED));
    }

    /** The timers of one route, one per status class, created on first use. */
    public final class RouteMeters implements RouteTimer {
        private final String method;
        private final String route;
        private final AtomicReferenceArray<Timer> byClass = new AtomicReferenceArray<>(CLASSES.length);

        private RouteMeters(String method, String route) {
            this.method = method;
            this.route = route;
        }

        /** Records one request that was answered with {@code status} after {@code nanos}. */
        @Override
        public void record(int status, long nanos) {
            int c = status / 100;
            if (c < 1 || c > 5) {
                c = 5;
            }
            Timer t = byClass.get(c);
            if (t == null) {
                t = timer(c);
            }
            t.record(nanos, TimeUnit.NANOSECONDS);
        }

        private synchronized Timer timer(int c) {
            if (byClass.get(c) == null) {
                byClass.set(c, Timer.builder(TIMER)
                        .description("HTTP requests by route template, method and status class")
                        .tags("method", method, "route", route, "status", CLASSES[c])
                        .publishPercentiles(0.5, 0.95, 0.99)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofNanos(50_000))
                        .maximumExpectedValue(Duration.ofSeconds(30))
                        .distributionStatisticExpiry(WINDOW)
                        .distributionStatisticBufferLength(3)
                        .register(registry));
                for (double phi : PHIS) {
                    Gauge.builder(PERCENTILES, byClass.get(c), t -> percentile(t, phi))
                            .description("Request duration percentile over the last minute or so")
                            .tags("method", method, "route", route, "status", CLASSES[c], "phi", Double.toString(phi))
                            .baseUnit("seconds").register(registry);
                }
            }
            return byClass.get(c);
        }
    }

    private static double percentile(Timer t, double phi) {
        for (ValueAtPercentile v : t.takeSnapshot().percentileValues()) {
            if (v.percentile() == phi) {
                return v.value(TimeUnit.SECONDS);
            }
        }
        return Double.NaN;
    }
}
