package app.medianest.console.caches;

/**
 * One feature flag (an optimization that can be switched off at runtime).
 *
 * @param name        stable name, for example {@code session-cache}
 * @param enabled     whether it is on
 * @param description what it does
 */
public record FlagRow(String name, boolean enabled, String description) {
}
