package app.medianest.console.dashboard;

/**
 * The warning and critical thresholds of the alert rule that watches a chart's metric, as the server's rule
 * defines them ({@code above}: bad above the line; {@code below}: bad below it).
 *
 * @param ruleId   the server's rule id, null when no rule watches this metric
 * @param below    true for rules whose bad side is below the threshold (cache hit rate)
 * @param warning  warning threshold, null for none
 * @param critical critical threshold, null for none
 */
public record Thresholds(String ruleId, boolean below, Double warning, Double critical) {
    /** No rule. */
    public static final Thresholds NONE = new Thresholds(null, false, null, null);

    /** The severity of {@code value} ({@code NaN}: no data). */
    public Severity classify(double value) {
        if (Double.isNaN(value)) {
            return Severity.NONE;
        }
        if (critical != null && breaches(value, critical)) {
            return Severity.CRITICAL;
        }
        if (warning != null && breaches(value, warning)) {
            return Severity.WARNING;
        }
        return ruleId == null ? Severity.NONE : Severity.OK;
    }

    private boolean breaches(double value, double threshold) {
        return below ? value < threshold : value > threshold;
    }
}
