package app.medianest.model.perf;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One alert rule. The rule raises {@code warning} when the metric has been past {@code warning} for
 * {@code sustainSeconds}, {@code critical} likewise, and resolves an alert once the value has stayed on the
 * good side of the recovery threshold ({@link Comparison#recoveryThreshold}) for {@code recoverySeconds}.
 * It notifies only on these transitions, never again while a condition simply holds.
 *
 * @param id                    stable name ({@code [a-z0-9-]}, up to 64 characters)
 * @param metric                what it watches
 * @param comparison            which side of the thresholds is bad
 * @param warning               warning threshold in the metric's unit, null for none
 * @param critical              critical threshold, null for none (at least one of the two is set)
 * @param sustainSeconds        how long a threshold must be crossed before the alert is raised
 * @param recoverySeconds       how long the value must stay recovered before the alert resolves
 * @param recoveryMarginPercent how far (percent of the threshold) on the good side recovery starts
 * @param enabled               false to keep the rule without evaluating it
 */
public record AlertRule(String id, AlertMetric metric, Comparison comparison, Double warning, Double critical,
                        int sustainSeconds, int recoverySeconds, double recoveryMarginPercent, boolean enabled) {
    /** Longest sustain or recovery period (one day). */
    public static final int MAX_PERIOD_SECONDS = 86_400;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public AlertRule {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparison, "comparison");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be 1-64 of a-z, 0-9 and '-' (was '" + id + "')");
        }
        String problem = problem(comparison, warning, critical, sustainSeconds, recoverySeconds,
                recoveryMarginPercent);
        if (problem != null) {
            throw new IllegalArgumentException("rule " + id + ": " + problem);
        }
    }

    /** Why these settings do not make a rule, or null when they do. */
    public static String problem(Comparison comparison, Double warning, Double critical, int sustainSeconds,
                                 int recoverySeconds, double marginPercent) {
        if (warning == null && critical == null) {
            return "needs a warning or a critical threshold";
        }
        if (warning != null && !Double.isFinite(warning) || critical != null && !Double.isFinite(critical)) {
            return "thresholds must be finite numbers";
        }
        if (warning != null && critical != null && comparison != null
                && (comparison == Comparison.ABOVE ? warning >= critical : warning <= critical)) {
            return "the warning threshold (" + warning + ") must be " + (comparison == Comparison.ABOVE
                    ? "below" : "above") + " the critical one (" + critical + ") for '" + comparison + "'";
        }
        if (sustainSeconds < 0 || sustainSeconds > MAX_PERIOD_SECONDS) {
            return "sustainSeconds must be 0 to " + MAX_PERIOD_SECONDS + " (was " + sustainSeconds + ")";
        }
        if (recoverySeconds < 0 || recoverySeconds > MAX_PERIOD_SECONDS) {
            return "recoverySeconds must be 0 to " + MAX_PERIOD_SECONDS + " (was " + recoverySeconds + ")";
        }
        if (!(marginPercent >= 0 && marginPercent <= 100)) {
            return "recoveryMarginPercent must be 0 to 100 (was " + marginPercent + ")";
        }
        return null;
    }

    /** The threshold of {@code severity}, or null when the rule has none. */
    public Double threshold(AlertSeverity severity) {
        return severity == AlertSeverity.CRITICAL ? critical : warning;
    }

    /**
     * The performance strategy's thresholds: critical when p95 &gt; 500 ms, memory &gt; 800 MB, error rate
     * &gt; 5 %, pool use &gt; 90 %; warning when p95 &gt; 200 ms, memory &gt; 512 MB, error rate &gt; 2 %,
     * cache hit rate &lt; 70 %.
     */
    public static List<AlertRule> defaults() {
        return List.of(
                new AlertRule("api-p95", AlertMetric.P95_MS, Comparison.ABOVE, 200.0, 500.0, 30, 60, 10, true),
                new AlertRule("memory", AlertMetric.MEMORY_MB, Comparison.ABOVE, 512.0, 800.0, 60, 120, 5, true),
                new AlertRule("error-rate", AlertMetric.ERROR_RATE, Comparison.ABOVE, 2.0, 5.0, 30, 60, 10, true),
                new AlertRule("db-pool", AlertMetric.POOL_USAGE, Comparison.ABOVE, null, 90.0, 15, 60, 10, true),
                new AlertRule("cache-hit-rate", AlertMetric.CACHE_HIT_RATE, Comparison.BELOW, 70.0, null, 120, 120,
                        5, true));
    }
}
