/**
 * Resilience of upstream calls: one resilience4j circuit breaker, bulkhead and retry policy per upstream
 * ({@link app.medianest.server.resilience.Resilience}, {@link app.medianest.server.resilience.UpstreamGuard}),
 * where an answer came from ({@link app.medianest.server.resilience.CacheState}, the {@code X-Cache} header),
 * the breaker statistics seam ({@link app.medianest.server.resilience.BreakerStatsSource}) and its admin routes.
 */
package app.medianest.server.resilience;
