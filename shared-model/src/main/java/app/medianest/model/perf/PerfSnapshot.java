package app.medianest.model.perf;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/performance/metrics}: one consistent view of the running server. Windowed figures
 * (throughput, error rates, percentiles, cache hit rate) cover the last {@code overall.windowSeconds}
 * seconds (about a minute); counters are totals since start.
 *
 * @param at            when the snapshot was taken
 * @param uptimeSeconds seconds since the server started
 * @param overall       every route together
 * @param routes        per route template, method; busiest first
 * @param jvm           memory, GC and threads
 * @param db            connection pool and statement timings
 * @param caches        every named cache
 * @param breakers      every circuit breaker (empty until integrations register them)
 */
public record PerfSnapshot(Instant at, long uptimeSeconds, OverallStats overall, List<RouteStats> routes,
                           JvmStats jvm, DbStats db, CacheSummary caches, List<BreakerStats> breakers) {
    public PerfSnapshot {
        routes = List.copyOf(routes);
        breakers = List.copyOf(breakers);
    }
}
