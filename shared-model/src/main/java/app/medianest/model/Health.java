package app.medianest.model;

import java.util.Map;

/**
 * Body of {@code /health} and {@code /health/ready}.
 *
 * @param status {@code UP} or {@code DOWN}
 * @param checks per-check detail (readiness only), for example {@code database -> UP}
 */
public record Health(String status, Map<String, Check> checks) {
    /** One readiness check. */
    public record Check(String status, String message) {
    }

    /** Liveness answer. */
    public static Health up() {
        return new Health("UP", null);
    }
}
