package app.medianest.model.perf;

import java.time.Instant;

/**
 * One step of the performance history (a minute, or several merged for the longer views).
 *
 * @param at               start of the step
 * @param seconds          length of the step
 * @param requests         requests in the step
 * @param throughput       requests per second
 * @param errorRate        percentage of 5xx answers
 * @param p50Ms            median latency, null without requests
 * @param p95Ms            95th percentile latency, null without requests
 * @param p99Ms            99th percentile latency, null without requests
 * @param maxMs            slowest request
 * @param heapUsedMb       heap in use (mean over the step)
 * @param memoryMb         process memory (mean over the step; see {@link JvmStats#memoryMb()})
 * @param poolUsagePercent highest connection-pool use seen in the step
 * @param poolPendingMax   most threads seen waiting for a connection
 * @param cacheHitRate     percentage of cache lookups that hit, null without lookups
 * @param slowQueries      statements over the slow-query warning threshold
 * @param openBreakers     most breakers seen open at once
 */
public record PerfPoint(Instant at, int seconds, long requests, double throughput, double errorRate, Double p50Ms,
                        Double p95Ms, Double p99Ms, double maxMs, double heapUsedMb, double memoryMb,
                        double poolUsagePercent, int poolPendingMax, Double cacheHitRate, long slowQueries,
                        int openBreakers) {
}
