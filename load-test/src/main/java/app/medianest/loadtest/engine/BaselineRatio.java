package app.medianest.loadtest.engine;

/**
 * The main run's figures divided by the reference phase's figures from the same run, on the same machine and with
 * the same users. Ratios cancel out most of the machine's speed, so CI compares them against a saved baseline
 * instead of absolute times.
 *
 * @param referencePath          the bare endpoint of the reference phase
 * @param referenceThroughputRps the reference phase's throughput
 * @param referenceResponseTime  the reference phase's response times
 * @param referenceErrorRate     the reference phase's error rate (ratios are meaningless when it is not 0)
 * @param throughputRatio        the main run's sustain throughput divided by the reference throughput
 * @param p50Ratio               the main run's p50 response time divided by the reference's
 * @param p95Ratio               the main run's p95 response time divided by the reference's
 * @param p99Ratio               the main run's p99 response time divided by the reference's
 */
public record BaselineRatio(
        String referencePath,
        double referenceThroughputRps,
        LatencyPercentiles referenceResponseTime,
        double referenceErrorRate,
        double throughputRatio,
        double p50Ratio,
        double p95Ratio,
        double p99Ratio) {

    /** Reference latencies are floored to one microsecond so a ratio is always defined. */
    private static final double FLOOR_MS = 0.001;

    /**
     * Computes the ratios.
     *
     * @param referencePath       the reference endpoint
     * @param main                the main run's overall totals
     * @param mainThroughputRps   the main run's throughput while all users ran (its sustain throughput)
     * @param reference           the reference phase's totals
     * @return the ratios
     */
    public static BaselineRatio of(String referencePath, EndpointStats main, double mainThroughputRps,
            EndpointStats reference) {
        return of(referencePath, main.responseTime(), mainThroughputRps, reference.responseTime(),
                reference.throughputRps(), reference.errorRate());
    }

    /**
     * Computes the ratios from the figures of both sides.
     *
     * @param referencePath          the reference endpoint
     * @param main                   the mix's response times
     * @param mainThroughputRps      the mix's throughput
     * @param reference              the reference's response times
     * @param referenceThroughputRps the reference's throughput
     * @param referenceErrorRate     the reference's error rate
     * @return the ratios
     */
    public static BaselineRatio of(String referencePath, LatencyPercentiles main, double mainThroughputRps,
            LatencyPercentiles reference, double referenceThroughputRps, double referenceErrorRate) {
        return new BaselineRatio(referencePath, referenceThroughputRps, reference, referenceErrorRate,
                referenceThroughputRps > 0 ? mainThroughputRps / referenceThroughputRps : 0,
                main.p50Ms() / Math.max(reference.p50Ms(), FLOOR_MS),
                main.p95Ms() / Math.max(reference.p95Ms(), FLOOR_MS),
                main.p99Ms() / Math.max(reference.p99Ms(), FLOOR_MS));
    }
}
