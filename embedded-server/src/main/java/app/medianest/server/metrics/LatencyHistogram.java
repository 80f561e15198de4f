package app.medianest.server.metrics;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latency counts per histogram bucket over some period, sparse: upper bounds in milliseconds ({@code le}),
 * the count in each bucket (not cumulative), and the count above the last bound. Periods merge by adding
 * counts, so percentiles over any period (a minute window, an hour, a report's day) come from the same
 * all-time histogram buckets Prometheus sees, interpolated linearly within a bucket.
 *
 * @param le   bucket upper bounds in ms, ascending
 * @param n    requests in each bucket
 * @param over requests above the last bound
 */
public record LatencyHistogram(double[] le, long[] n, long over) {
    public static final LatencyHistogram EMPTY = new LatencyHistogram(new double[0], new long[0], 0);

    /** All bucket bounds the timers use (ms, ascending), for interpolating within sparse buckets. */
    private static volatile double[] knownBounds = new double[0];

    static void knownBounds(double[] boundsMs) {
        if (knownBounds.length != boundsMs.length) {
            knownBounds = boundsMs.clone();
        }
    }

    /**
     * The difference of two cumulative bucket arrays (aligned with {@code boundsMs}) and their totals:
     * what was recorded between {@code base} and {@code now}.
     */
    static LatencyHistogram delta(double[] boundsMs, long[] cumNow, long countNow, long[] cumBase, long countBase) {
        Map<Double, Long> sparse = new TreeMap<>();
        long prev = 0;
        for (int i = 0; i < boundsMs.length; i++) {
            long cum = cumNow[i] - (cumBase == null ? 0 : cumBase[i]);
            if (cum - prev > 0) {
                sparse.put(boundsMs[i], cum - prev);
            }
            prev = cum;
        }
        long total = countNow - countBase;
        return of(sparse, Math.max(0, total - prev));
    }

    private static LatencyHistogram of(Map<Double, Long> sparse, long over) {
        double[] le = new double[sparse.size()];
        long[] n = new long[sparse.size()];
        int i = 0;
        for (Map.Entry<Double, Long> e : sparse.entrySet()) {
            le[i] = e.getKey();
            n[i++] = e.getValue();
        }
        return new LatencyHistogram(le, n, over);
    }

    /** Requests counted. */
    public long count() {
        long c = over;
        for (long v : n) {
            c += v;
        }
        return c;
    }

    /** This period and {@code other} together. */
    public LatencyHistogram plus(LatencyHistogram other) {
        if (other.count() == 0) {
            return this;
        }
        if (count() == 0) {
            return other;
        }
        Map<Double, Long> sum = new TreeMap<>();
        for (int i = 0; i < le.length; i++) {
            sum.merge(le[i], n[i], Long::sum);
        }
        for (int i = 0; i < other.le.length; i++) {
            sum.merge(other.le[i], other.n[i], Long::sum);
        }
        return of(sum, over + other.over);
    }

    /**
     * The {@code q} quantile (0..1) in ms, or null without data; never above {@code maxMs} when that is
     * positive (the bucket bound can overshoot the slowest request).
     */
    public Double percentile(double q, double maxMs) {
        long total = count();
        if (total == 0) {
            return null;
        }
        double rank = Math.max(1, Math.ceil(q * total));
        long cum = 0;
        for (int i = 0; i < le.length; i++) {
            if (cum + n[i] >= rank) {
                double lo = lowerBound(i);
                double v = lo + (le[i] - lo) * (rank - cum) / n[i];
                return maxMs > 0 ? Math.min(v, maxMs) : v;
            }
            cum += n[i];
        }
        return maxMs > 0 ? maxMs : (le.length == 0 ? null : le[le.length - 1]);
    }

    private double lowerBound(int i) {
        double[] known = knownBounds;
        int at = Arrays.binarySearch(known, le[i]);
        if (at > 0) {
            return known[at - 1];
        }
        if (at == 0) {
            return 0;
        }
        return i == 0 ? 0 : le[i - 1];
    }
}
