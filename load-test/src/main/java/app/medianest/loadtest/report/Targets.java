package app.medianest.loadtest.report;

/**
 * The limits a run must stay within. Latency limits apply to response times (corrected for coordinated
 * omission) over all endpoints.
 *
 * @param p50Ms        largest acceptable median, in milliseconds
 * @param p95Ms        largest acceptable 95th percentile, in milliseconds
 * @param p99Ms        largest acceptable 99th percentile, in milliseconds
 * @param maxErrorRate largest acceptable share of failed requests, 0 to 1
 */
public record Targets(double p50Ms, double p95Ms, double p99Ms, double maxErrorRate) {

    /**
     * Validates the limits.
     *
     * @throws IllegalArgumentException naming the bad limit
     */
    public Targets {
        positive("p50", p50Ms);
        positive("p95", p95Ms);
        positive("p99", p99Ms);
        if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
            throw new IllegalArgumentException("maxErrorRate must be between 0 and 1, got " + maxErrorRate);
        }
    }

    private static void positive(String name, double millis) {
        if (!(millis > 0) || Double.isInfinite(millis)) {
            throw new IllegalArgumentException(name + " target must be a positive number of milliseconds, got "
                    + millis);
        }
    }

    /**
     * The performance strategy's targets: p50 under 100 ms, p95 under 200 ms, p99 under 500 ms, and at most 2%
     * errors (the strategy's warning threshold).
     *
     * @return the default targets
     */
    public static Targets strategy() {
        return new Targets(100, 200, 500, 0.02);
    }

    /** @param value the new p50 limit in ms @return a copy with it */
    public Targets withP50Ms(double value) {
        return new Targets(value, p95Ms, p99Ms, maxErrorRate);
    }

    /** @param value the new p95 limit in ms @return a copy with it */
    public Targets withP95Ms(double value) {
        return new Targets(p50Ms, value, p99Ms, maxErrorRate);
    }

    /** @param value the new p99 limit in ms @return a copy with it */
    public Targets withP99Ms(double value) {
        return new Targets(p50Ms, p95Ms, value, maxErrorRate);
    }

    /** @param value the new error-rate limit, 0 to 1 @return a copy with it */
    public Targets withMaxErrorRate(double value) {
        return new Targets(p50Ms, p95Ms, p99Ms, value);
    }
}
