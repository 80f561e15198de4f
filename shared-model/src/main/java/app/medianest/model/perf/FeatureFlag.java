package app.medianest.model.perf;

/**
 * One optimization that can be switched off at runtime (its rollback plan).
 *
 * @param name        stable name, for example {@code session-cache}
 * @param enabled     whether it is on
 * @param defaultOn   its built-in default
 * @param description what it does
 */
public record FeatureFlag(String name, boolean enabled, boolean defaultOn, String description) {
}
