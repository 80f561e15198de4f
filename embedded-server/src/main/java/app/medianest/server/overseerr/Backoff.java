package app.medianest.server.overseerr;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: {@code initial * 2^(attempt-1)}, capped at {@code max}, then spread by
 * +/- {@code jitter} so rows that failed together do not retry together.
 */
public record Backoff(Duration initial, Duration max, double jitter, RandomGenerator random) {

    /** Validates. */
    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max (was " + initial + ", " + max + ")");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1) (was " + jitter + ")");
        }
    }

    /** The wait after the {@code attempt}-th failure (1-based). */
    public Duration delay(int attempt) {
        double base = initial.toMillis() * Math.pow(2, Math.min(Math.max(attempt, 1) - 1, 30));
        double capped = Math.min(base, max.toMillis());
        double spread = capped * (1 - jitter + 2 * jitter * random.nextDouble());
        return Duration.ofMillis(Math.max(1, Math.round(Math.min(spread, max.toMillis()))));
    }
}
