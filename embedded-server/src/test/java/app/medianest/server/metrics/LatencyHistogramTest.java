package app.medianest.server.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Percentiles from histogram buckets: the window, history and report figures all come from here. */
class LatencyHistogramTest {
    private static final double[] BOUNDS = {1, 2, 4, 8, 16};

    @Test
    void percentilesInterpolateWithinTheirBucket() {
        LatencyHistogram.knownBounds(BOUNDS);
        // 100 requests: 50 in (0,1], 40 in (1,2], 10 in (4,8]
        long[] cum = {50, 90, 90, 100, 100};
        LatencyHistogram h = LatencyHistogram.delta(BOUNDS, cum, 100, null, 0);
        assertEquals(100, h.count());
        assertEquals(1.0, h.percentile(0.5, 0), 1e-9);
        assertEquals(1.5, h.percentile(0.7, 0), 1e-9);
        assertEquals(6.0, h.percentile(0.95, 0), 1e-9, "between the bounds 4 and 8");
        assertEquals(7.0, h.percentile(0.99, 7.0), 1e-9, "never above the slowest request");
        assertNull(LatencyHistogram.EMPTY.percentile(0.5, 0));
    }

    @Test
    void deltasAndMergesCountOnlyTheirPeriod() {
        LatencyHistogram.knownBounds(BOUNDS);
        long[] before = {10, 10, 10, 10, 10};
        long[] after = {10, 30, 30, 30, 32};
        LatencyHistogram window = LatencyHistogram.delta(BOUNDS, after, 35, before, 10);
        assertEquals(25, window.count(), "20 in (1,2], 2 in (8,16], 3 above 16");
        assertEquals(3, window.over());
        LatencyHistogram both = window.plus(window);
        assertEquals(50, both.count());
        assertEquals(window.percentile(0.5, 0), both.percentile(0.5, 0), 0.05, "same distribution, same median");
        assertEquals(40.0, both.percentile(0.99, 40.0), "above the last bound: the max");
    }
}
