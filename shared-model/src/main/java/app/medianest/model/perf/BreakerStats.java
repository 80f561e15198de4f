package app.medianest.model.perf;

/**
 * One circuit breaker.
 *
 * @param name         the breaker (usually the upstream: plex, overseerr, uptime-kuma)
 * @param state        its state
 * @param failureRate  failure percentage over its sliding window, -1 while it has too few calls
 * @param slowCallRate slow-call percentage over its window, -1 while it has too few calls
 * @param bufferedCalls calls in its window
 * @param notPermittedCalls calls refused while open since start
 */
public record BreakerStats(String name, BreakerState state, double failureRate, double slowCallRate,
                           int bufferedCalls, long notPermittedCalls) {
}
