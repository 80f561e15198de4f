package app.medianest.server.metrics;

import app.medianest.model.perf.BreakerStats;

import java.util.List;

/**
 * Where the performance snapshot reads circuit-breaker state from. The integrations implement it over their
 * resilience4j {@code CircuitBreakerRegistry} and hand it to {@code PerformanceMonitor.breakers(...)} in
 * {@code Components}; {@link #NONE} (no breakers) leaves the snapshot's breaker list empty.
 *
 * <pre>{@code
 * BreakerStatsSource source = () -> registry.getAllCircuitBreakers().stream().map(cb -> new BreakerStats(
 *         cb.getName(), BreakerState.parse(cb.getState().name()), cb.getMetrics().getFailureRate(),
 *         cb.getMetrics().getSlowCallRate(), cb.getMetrics().getNumberOfBufferedCalls(),
 *         cb.getMetrics().getNumberOfNotPermittedCalls())).toList();
 * }</pre>
 */
@FunctionalInterface
public interface BreakerStatsSource {
    /** No breakers. */
    BreakerStatsSource NONE = List::of;

    /** Every breaker's current statistics; called about once a second, so keep it cheap. */
    List<BreakerStats> breakers();
}
