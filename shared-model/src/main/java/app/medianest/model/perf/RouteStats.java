package app.medianest.model.perf;

/**
 * One route template and method (for example {@code GET /api/v1/media/requests/{id}}).
 *
 * @param method         HTTP method
 * @param route          the route template, never a raw path; {@code unmatched} for requests no route took
 * @param count          requests since start
 * @param errors4xx      4xx answers since start
 * @param errors5xx      5xx answers since start
 * @param windowRequests requests in the sliding window
 * @param throughput     requests per second over the window
 * @param errorRate      percentage of 5xx answers in the window
 * @param p50Ms          window median, null without requests in the window
 * @param p95Ms          window 95th percentile, null without requests in the window
 * @param p99Ms          window 99th percentile, null without requests in the window
 * @param maxMs          slowest request of the last minute or so
 */
public record RouteStats(String method, String route, long count, long errors4xx, long errors5xx,
                         long windowRequests, double throughput, double errorRate, Double p50Ms, Double p95Ms,
                         Double p99Ms, double maxMs) {
}
