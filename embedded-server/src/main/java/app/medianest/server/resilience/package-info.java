/**
 * Resilience of upstream calls: one resilience4j circuit breaker, bulkhead and retry policy per upstream
 * ({@link app.medianest.server.resilience.Resilience}, {@link app.medianest.server.resilience.UpstreamGuard}),
 * the fresh/last-good answer cache behind the stale fallback ({@link app.medianest.server.resilience.StaleCache}),
 * the breaker statistics seam ({@link app.medianest.server.resilience.BreakerStatsSource}) and its admin routes.
 */
package app.medianest.server.resilience;
