package app.medianest.loadtest.engine;

import org.HdrHistogram.AbstractHistogram;

/**
 * Summary of a latency distribution, in milliseconds.
 *
 * @param count  number of recorded values (for response times this includes coordinated-omission corrections)
 * @param p50Ms  median
 * @param p95Ms  95th percentile
 * @param p99Ms  99th percentile
 * @param maxMs  largest value
 * @param meanMs arithmetic mean
 */
public record LatencyPercentiles(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs, double meanMs) {

    /** The summary of an empty distribution: all zero. */
    public static final LatencyPercentiles EMPTY = new LatencyPercentiles(0, 0, 0, 0, 0, 0);

    private static final double MICROS_PER_MILLI = 1000.0;

    /**
     * Summarises a histogram whose values are microseconds.
     *
     * @param micros the histogram
     * @return the summary, or {@link #EMPTY} when it holds no values
     */
    public static LatencyPercentiles ofMicros(AbstractHistogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencyPercentiles(micros.getTotalCount(),
                millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(95)),
                millis(micros.getValueAtPercentile(99)),
                millis(micros.getMaxValue()),
                Math.round(micros.getMean()) / MICROS_PER_MILLI);
    }

    private static double millis(long micros) {
        return micros / MICROS_PER_MILLI;
    }
}
