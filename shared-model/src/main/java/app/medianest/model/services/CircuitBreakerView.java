package app.medianest.model.services;

import app.medianest.model.perf.BreakerState;

/**
 * One upstream's circuit breaker and bulkhead, for {@code GET /api/v1/resilience/circuit-breakers}.
 *
 * @param name              upstream name ({@code plex}, {@code overseerr}, ...)
 * @param state             {@code closed}, {@code open}, {@code half_open}, ..., or {@code not_configured}
 * @param failureRate       percentage of failed calls in the window, or {@code null} before the minimum calls
 * @param bufferedCalls     calls in the sliding window
 * @param failedCalls       failed calls in the window
 * @param notPermittedCalls calls refused while open since the last reset
 * @param concurrentCalls   calls in flight now
 * @param maxConcurrentCalls the bulkhead's limit
 */
public record CircuitBreakerView(String name, BreakerState state, Float failureRate, int bufferedCalls, int failedCalls,
                                 long notPermittedCalls, int concurrentCalls, int maxConcurrentCalls) {
}
