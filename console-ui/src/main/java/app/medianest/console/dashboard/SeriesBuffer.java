package app.medianest.console.dashboard;

import java.util.Arrays;

/**
 * A bounded time series in two primitive ring arrays (epoch milliseconds and values, {@code NaN} for a gap).
 * Adding a point allocates nothing, so a second-by-second chart keeps a flat memory profile.
 */
public final class SeriesBuffer {
    private final long[] times;
    private final double[] values;
    private int start;
    private int size;

    public SeriesBuffer(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2 (was " + capacity + ")");
        }
        times = new long[capacity];
        values = new double[capacity];
    }

    /** Appends a point; the oldest is dropped when full. A null value is stored as a gap. */
    public void add(long epochMillis, Double value) {
        int i = (start + size) % times.length;
        if (size == times.length) {
            start = (start + 1) % times.length;
        } else {
            size++;
        }
        times[i] = epochMillis;
        values[i] = value == null ? Double.NaN : value;
    }

    public void clear() {
        start = 0;
        size = 0;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return times.length;
    }

    /** Time of the {@code i}-th oldest point. */
    public long time(int i) {
        return times[(start + i) % times.length];
    }

    /** Value of the {@code i}-th oldest point ({@code NaN} for a gap). */
    public double value(int i) {
        return values[(start + i) % values.length];
    }

    /** The newest value, {@code NaN} when empty. */
    public double last() {
        return size == 0 ? Double.NaN : value(size - 1);
    }

    /** Largest value at or after {@code fromMillis}, {@code NaN} when there is none. */
    public double max(long fromMillis) {
        double m = Double.NaN;
        for (int i = 0; i < size; i++) {
            double v = value(i);
            if (time(i) >= fromMillis && !Double.isNaN(v) && (Double.isNaN(m) || v > m)) {
                m = v;
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return "SeriesBuffer[size=" + size + ", last=" + last() + ", capacity=" + times.length + "]"
                + (size > 0 ? Arrays.toString(new double[] {value(0), last()}) : "");
    }
}
