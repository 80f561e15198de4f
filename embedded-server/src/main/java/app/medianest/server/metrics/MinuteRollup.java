package app.medianest.server.metrics;

import app.medianest.model.perf.SlowQuery;

import java.time.Instant;
import java.util.List;

/**
 * What happened in one minute (about: the sampler runs every few seconds), kept 24 h in memory and in the
 * {@code perf_rollups} table for the configured retention, for the history views and the reports. Latency
 * is kept as histogram buckets so percentiles over any set of minutes stay exact up to bucket resolution.
 *
 * @param at             start of the minute
 * @param seconds        seconds actually covered
 * @param requests       requests answered
 * @param errors4xx      4xx answers
 * @param errors5xx      5xx answers
 * @param maxMs          slowest request (of the sliding max window at the end of the minute)
 * @param latency        every request's latency
 * @param routes         per route
 * @param heapMeanMb     mean heap in use over the samples
 * @param heapMaxMb      most heap in use
 * @param memoryMeanMb   mean process memory
 * @param memoryMaxMb    most process memory
 * @param poolUsageMean  mean pool use in percent
 * @param poolUsageMax   highest pool use in percent
 * @param poolPendingMax most threads waiting for a connection
 * @param poolMax        pool size limit
 * @param cacheHits      cache hits, all caches
 * @param cacheMisses    cache misses, all caches
 * @param caches         per cache
 * @param gcPauses       GC pauses
 * @param gcPauseMs      GC pause time
 * @param slowQueries    statements over the slow-query warning threshold
 * @param slow           those statements (at most 20)
 * @param openBreakersMax most breakers open at once
 */
public record MinuteRollup(Instant at, int seconds, long requests, long errors4xx, long errors5xx, double maxMs,
                           LatencyHistogram latency, List<RouteRollup> routes, double heapMeanMb, double heapMaxMb,
                           double memoryMeanMb, double memoryMaxMb, double poolUsageMean, double poolUsageMax,
                           int poolPendingMax, int poolMax, long cacheHits, long cacheMisses,
                           List<CacheRollup> caches, long gcPauses, double gcPauseMs, long slowQueries,
                           List<SlowQuery> slow, int openBreakersMax) {

    /** One route in the minute. */
    public record RouteRollup(String method, String route, long requests, long errors4xx, long errors5xx,
                              double maxMs, LatencyHistogram latency) {
    }

    /** One cache in the minute. */
    public record CacheRollup(String name, long hits, long misses, long evictions) {
    }
}
