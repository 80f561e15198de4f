package app.medianest.console.services;

/**
 * One circuit breaker.
 *
 * @param name          upstream name
 * @param state         {@code closed}, {@code open}, {@code half_open}, ...
 * @param failureRate   percentage of failed calls in its window, empty before enough calls
 * @param bufferedCalls calls in the window
 * @param notPermitted  calls refused while open
 */
public record BreakerRow(String name, String state, String failureRate, int bufferedCalls, long notPermitted) {
}
