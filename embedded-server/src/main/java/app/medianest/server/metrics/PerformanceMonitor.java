package app.medianest.server.metrics;

import app.medianest.model.perf.BreakerStats;
import app.medianest.model.perf.CacheStats;
import app.medianest.model.perf.CacheSummary;
import app.medianest.model.perf.DbStats;
import app.medianest.model.perf.JvmStats;
import app.medianest.model.perf.OverallStats;
import app.medianest.model.perf.PerfSnapshot;
import app.medianest.model.perf.RouteStats;
import app.medianest.server.cache.CacheRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Builds the performance snapshot and the minute rollups. A sampler job calls {@link #sample()} every few
 * seconds: it keeps the readings of the last minute or so (the baseline of the sliding window) and closes a
 * {@link MinuteRollup} into the {@link RollupStore} whenever a minute has passed. {@link #snapshot()} reads
 * everything now and compares it with the reading about {@link RouteMetrics#WINDOW} ago, so throughput,
 * error rates, percentiles and the cache hit rate cover the last minute while counters are totals.
 */
public final class PerformanceMonitor {
    private static final int TOP_STATEMENTS = 10;

    /** One reading of the cumulative figures (and the current gauges). */
    record Sample(Instant at, RequestTotals requests, List<CacheStats> caches, JvmStats jvm, DbStats db,
                  List<BreakerStats> breakers) {
    }

    private final Clock clock;
    private final Instant startedAt;
    private final io.micrometer.core.instrument.MeterRegistry registry;
    private final SystemGauges gauges;
    private final CacheRegistry caches;
    private final QueryMetrics queries;
    private final RollupStore rollups;
    private volatile BreakerStatsSource breakers = BreakerStatsSource.NONE;
    private final Deque<Sample> window = new ArrayDeque<>();
    private final MinuteAccumulator minute;

    public PerformanceMonitor(Clock clock, Metrics metrics, com.zaxxer.hikari.HikariDataSource pool,
                              QueryMetrics queries, CacheRegistry caches, RollupStore rollups) {
        this.clock = clock;
        this.startedAt = clock.instant();
        this.registry = metrics.registry();
        this.gauges = new SystemGauges(registry, pool, queries);
        this.caches = caches;
        this.queries = queries;
        this.rollups = rollups;
        Sample zero = new Sample(startedAt, RequestTotals.EMPTY, List.of(), null, null, List.of());
        window.add(zero);
        this.minute = new MinuteAccumulator(zero);
        new BreakerMeters(registry, () -> breakers.breakers());
    }

    /** Sets where breaker statistics come from (the integrations' breaker registry). */
    public void breakers(BreakerStatsSource source) {
        this.breakers = source == null ? BreakerStatsSource.NONE : source;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public RollupStore rollups() {
        return rollups;
    }

    private Sample take(Instant now) {
        return new Sample(now, RequestTotals.read(registry), caches.stats(), gauges.jvm(), gauges.db(TOP_STATEMENTS),
                breakers.breakers());
    }

    /** The sampler job: records a reading, and closes the minute's rollup when a minute has passed. */
    public void sample() {
        Instant now = clock.instant();
        Sample s = take(now);
        MinuteRollup done;
        synchronized (this) {
            window.addLast(s);
            // Keep exactly one reading at least a window old: the baseline of later snapshots.
            Instant old = now.minus(RouteMetrics.WINDOW);
            while (window.size() > 2 && !second().at().isAfter(old)) {
                window.removeFirst();
            }
            done = minute.add(s, queries.recentSlow());
        }
        if (done != null) {
            rollups.add(done);
        }
    }

    private Sample second() {
        var it = window.iterator();
        it.next();
        return it.next();
    }

    /** The minute in progress, up to now (not stored): reports covering now include it. */
    public MinuteRollup currentMinute() {
        Sample s = take(clock.instant());
        synchronized (this) {
            return minute.partial(s, queries.recentSlow());
        }
    }

    private synchronized Sample baseline(Instant now) {
        Instant target = now.minus(RouteMetrics.WINDOW);
        Sample base = window.peekFirst();
        for (Sample s : window) {
            if (!s.at().isAfter(target)) {
                base = s;
            }
        }
        return base;
    }

    /** Everything now; windowed figures over the last minute or so. */
    public PerfSnapshot snapshot() {
        Instant now = clock.instant();
        Sample live = take(now);
        Sample base = baseline(now);
        long windowSeconds = Math.max(1, Duration.between(base.at(), now).toSeconds());
        List<RouteStats> routes = new ArrayList<>();
        LatencyHistogram all = LatencyHistogram.EMPTY;
        long total = 0;
        long windowTotal = 0;
        long window4xx = 0;
        long window5xx = 0;
        double maxMs = 0;
        for (Map.Entry<RequestTotals.Route, RequestTotals.Counts> e : live.requests().routes().entrySet()) {
            RequestTotals.Counts c = e.getValue();
            RequestTotals.Counts b = base.requests().base(e.getKey());
            long req = c.count - (b == null ? 0 : b.count);
            long e4 = c.errors4xx - (b == null ? 0 : b.errors4xx);
            long e5 = c.errors5xx - (b == null ? 0 : b.errors5xx);
            LatencyHistogram h = live.requests().histogramSince(e.getKey(), base.requests());
            all = all.plus(h);
            total += c.count;
            windowTotal += req;
            window4xx += e4;
            window5xx += e5;
            maxMs = Math.max(maxMs, c.maxMs);
            routes.add(new RouteStats(e.getKey().method(), e.getKey().route(), c.count, c.errors4xx, c.errors5xx,
                    req, (double) req / windowSeconds, percent(e5, req), h.percentile(0.5, c.maxMs),
                    h.percentile(0.95, c.maxMs), h.percentile(0.99, c.maxMs), c.maxMs));
        }
        routes.sort(Comparator.comparingLong(RouteStats::windowRequests).thenComparingLong(RouteStats::count)
                .reversed().thenComparing(RouteStats::route));
        OverallStats overall = new OverallStats(total, windowSeconds, windowTotal,
                (double) windowTotal / windowSeconds, percent(window5xx, windowTotal), percent(window4xx, windowTotal),
                all.percentile(0.5, maxMs), all.percentile(0.95, maxMs), all.percentile(0.99, maxMs));
        return new PerfSnapshot(now, Duration.between(startedAt, now).toSeconds(), overall, routes, live.jvm(),
                live.db(), cacheSummary(live.caches(), base.caches()), live.breakers());
    }

    private static CacheSummary cacheSummary(List<CacheStats> now, List<CacheStats> then) {
        long hits = 0;
        long lookups = 0;
        long hitsThen = 0;
        long lookupsThen = 0;
        for (CacheStats c : now) {
            hits += c.hits();
            lookups += c.hits() + c.misses();
        }
        for (CacheStats c : then) {
            hitsThen += c.hits();
            lookupsThen += c.hits() + c.misses();
        }
        long windowLookups = Math.max(0, lookups - lookupsThen);
        Double windowRate = windowLookups == 0 ? null : 100.0 * (hits - hitsThen) / windowLookups;
        return new CacheSummary(windowRate, windowLookups, lookups == 0 ? 0 : 100.0 * hits / lookups, now);
    }

    static double percent(long part, long whole) {
        return whole <= 0 ? 0 : 100.0 * part / whole;
    }
}
