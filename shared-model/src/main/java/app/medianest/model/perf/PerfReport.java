package app.medianest.model.perf;

import java.time.Instant;
import java.util.List;

/**
 * The performance report over a period: on demand ({@code GET /api/v1/performance/report}) and written on
 * a schedule to {@code <dataDir>/reports/} as JSON and HTML.
 *
 * @param from           start of the period
 * @param to             end of the period
 * @param generatedAt    when the report was made
 * @param coveredMinutes minutes of the period for which the server has data (it may have been stopped)
 * @param requests       requests in the period
 * @param throughput     mean requests per second over the covered minutes
 * @param errorRate      percentage of 5xx answers
 * @param clientErrorRate percentage of 4xx answers
 * @param p50Ms          median latency over the period, null without requests
 * @param p95Ms          95th percentile latency, null without requests
 * @param p99Ms          99th percentile latency, null without requests
 * @param routes         per route, busiest first
 * @param memory         heap and process memory
 * @param pool           connection pool use
 * @param caches         cache hit rates
 * @param slowQueryCount statements over the slow-query warning threshold
 * @param slowQueries    the slowest of them (at most 50), slowest first
 * @param alerts         alerts raised in the period, newest first
 */
public record PerfReport(Instant from, Instant to, Instant generatedAt, long coveredMinutes, long requests,
                         double throughput, double errorRate, double clientErrorRate, Double p50Ms, Double p95Ms,
                         Double p99Ms, List<RouteReport> routes, MemoryReport memory, PoolReport pool,
                         CacheReport caches, long slowQueryCount, List<SlowQuery> slowQueries,
                         List<AlertView> alerts) {
    public PerfReport {
        routes = List.copyOf(routes);
        slowQueries = List.copyOf(slowQueries);
        alerts = List.copyOf(alerts);
    }

    /** One route over the period. */
    public record RouteReport(String method, String route, long requests, long errors4xx, long errors5xx,
                              double errorRate, Double p50Ms, Double p95Ms, Double p99Ms, double maxMs) {
    }

    /** Memory over the period: means and peaks of the minute samples. */
    public record MemoryReport(double heapMeanMb, double heapMaxMb, double memoryMeanMb, double memoryMaxMb,
                               long gcPauses, double gcPauseMs) {
    }

    /** Connection pool use over the period. */
    public record PoolReport(double usageMeanPercent, double usageMaxPercent, int pendingMax, int max) {
    }

    /** Cache hit rates over the period. */
    public record CacheReport(Double hitRate, long lookups, List<CacheRow> caches) {
        public CacheReport {
            caches = List.copyOf(caches);
        }
    }

    /** One cache over the period. */
    public record CacheRow(String name, long hits, long misses, Double hitRate, long evictions) {
    }
}
