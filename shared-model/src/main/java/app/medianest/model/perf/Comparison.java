package app.medianest.model.perf;

import app.medianest.model.WireEnum;

/**
 * Which side of a threshold is bad: {@code above} (latency, memory, error rate) or {@code below} (cache hit
 * rate). The recovery threshold lies {@code marginPercent} of the threshold on the good side, so a value
 * hovering at the threshold does not flap.
 */
public enum Comparison implements WireEnum {
    ABOVE("above"),
    BELOW("below");

    private final String wire;

    Comparison(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }

    /** True when {@code value} is on the bad side of {@code threshold}. */
    public boolean breaches(double value, double threshold) {
        return this == ABOVE ? value > threshold : value < threshold;
    }

    /** The value an alert must get back to before it can resolve. */
    public double recoveryThreshold(double threshold, double marginPercent) {
        double margin = Math.abs(threshold) * marginPercent / 100.0;
        return this == ABOVE ? threshold - margin : threshold + margin;
    }

    /** True when {@code value} is back on the good side of the recovery threshold (inclusive). */
    public boolean recovered(double value, double threshold, double marginPercent) {
        double r = recoveryThreshold(threshold, marginPercent);
        return this == ABOVE ? value <= r : value >= r;
    }

    public static Comparison parse(String value) {
        return WireEnum.parse(Comparison.class, value);
    }
}
