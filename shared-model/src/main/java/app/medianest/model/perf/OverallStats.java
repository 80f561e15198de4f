package app.medianest.model.perf;

/**
 * All routes together.
 *
 * @param requests       requests since start
 * @param windowSeconds  length of the sliding window the other figures cover
 * @param windowRequests requests in the window
 * @param throughput     requests per second over the window
 * @param errorRate      percentage of requests in the window answered with 5xx
 * @param clientErrorRate percentage of requests in the window answered with 4xx
 * @param p50Ms          median latency in the window, null without requests
 * @param p95Ms          95th percentile latency in the window, null without requests
 * @param p99Ms          99th percentile latency in the window, null without requests
 */
public record OverallStats(long requests, long windowSeconds, long windowRequests, double throughput,
                           double errorRate, double clientErrorRate, Double p50Ms, Double p95Ms, Double p99Ms) {
}
