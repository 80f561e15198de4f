package app.medianest.server.resilience;

import app.medianest.model.services.CircuitBreakerView;

import java.util.List;

/**
 * Read access to every upstream breaker, for the performance snapshot ("per-breaker state and failure rate"),
 * metrics and the console.
 */
public interface BreakerStatsSource {
    /** One entry per upstream, sorted by name. */
    List<CircuitBreakerView> breakers();
}
