package app.medianest.loadtest.report;

import app.medianest.loadtest.engine.BaselineRatio;
import java.util.ArrayList;
import java.util.List;

/**
 * A run compared with a saved baseline report. When both reports carry a {@code baselineRatio} section the
 * comparison uses ratios only ({@code p95Ratio}, {@code p99Ratio}, {@code throughputRatio}), so it holds across
 * machines of different speed; when neither does, it compares absolute p95, p99 and sustain throughput. Reports
 * with a ratio section on one side only are not comparable.
 *
 * <p>A latency figure regresses when it grows by more than the latency tolerance
 * ({@code current > baseline * (1 + t)}); throughput regresses when it shrinks by more than the tolerance
 * ({@code current < baseline * (1 - t)}). The two tolerances are separate because on a small shared machine tail
 * latencies vary run to run far more than throughput does.
 *
 * @param mode             {@code ratio} or {@code absolute}
 * @param tolerance        the allowed relative drop of throughput, e.g. 0.2 for 20%
 * @param latencyTolerance the allowed relative growth of a latency figure
 * @param regressed        whether any figure regressed beyond its tolerance
 * @param comparisons      the compared figures
 */
public record BaselineComparison(String mode, double tolerance, double latencyTolerance, boolean regressed,
        List<Comparison> comparisons) {

    /** The default tolerance: 20%. */
    public static final double DEFAULT_TOLERANCE = 0.2;

    /** Copies the comparisons. */
    public BaselineComparison {
        comparisons = List.copyOf(comparisons);
    }

    /**
     * One compared figure.
     *
     * @param metric   the figure's name
     * @param baseline its baseline value
     * @param current  its value in this run
     * @param change   relative change, {@code current / baseline - 1}
     * @param passed   whether the change is within the tolerance
     */
    public record Comparison(String metric, double baseline, double current, double change, boolean passed) {
    }

    /**
     * Compares a run with a baseline, with one tolerance for every figure.
     *
     * @param current   this run's report
     * @param baseline  the saved baseline report
     * @param tolerance allowed relative change, 0 (exclusive) to 10
     * @return the comparison
     * @throws IllegalArgumentException when the tolerance is out of range or only one side has ratios
     */
    public static BaselineComparison compare(LoadTestReport current, LoadTestReport baseline, double tolerance) {
        return compare(current, baseline, tolerance, tolerance);
    }

    /**
     * Compares a run with a baseline.
     *
     * @param current          this run's report
     * @param baseline         the saved baseline report
     * @param tolerance        allowed relative drop of throughput, 0 (exclusive) to 10
     * @param latencyTolerance allowed relative growth of latency figures, 0 (exclusive) to 10
     * @return the comparison
     * @throws IllegalArgumentException when a tolerance is out of range or only one side has ratios
     */
    public static BaselineComparison compare(LoadTestReport current, LoadTestReport baseline, double tolerance,
            double latencyTolerance) {
        checkTolerance("tolerance", tolerance);
        checkTolerance("latency tolerance", latencyTolerance);
        BaselineRatio now = current.baselineRatio();
        BaselineRatio then = baseline.baselineRatio();
        if ((now == null) != (then == null)) {
            throw new IllegalArgumentException(then == null
                    ? "the baseline has no baselineRatio section; record it again with --reference"
                    : "the baseline has a baselineRatio section (reference " + then.referencePath()
                            + ") but this run has none; run with --reference " + then.referencePath());
        }
        List<Comparison> comparisons = new ArrayList<>();
        if (now != null) {
            comparisons.add(latency("p95Ratio", then.p95Ratio(), now.p95Ratio(), latencyTolerance));
            comparisons.add(latency("p99Ratio", then.p99Ratio(), now.p99Ratio(), latencyTolerance));
            comparisons.add(throughput("throughputRatio", then.throughputRatio(), now.throughputRatio(), tolerance));
        } else {
            comparisons.add(latency("p95Ms", baseline.overall().responseTime().p95Ms(),
                    current.overall().responseTime().p95Ms(), latencyTolerance));
            comparisons.add(latency("p99Ms", baseline.overall().responseTime().p99Ms(),
                    current.overall().responseTime().p99Ms(), latencyTolerance));
            comparisons.add(throughput("sustainThroughputRps", baseline.sustainThroughputRps(),
                    current.sustainThroughputRps(), tolerance));
        }
        boolean regressed = comparisons.stream().anyMatch(c -> !c.passed());
        return new BaselineComparison(now != null ? "ratio" : "absolute", tolerance, latencyTolerance, regressed,
                comparisons);
    }

    private static void checkTolerance(String name, double value) {
        if (!(value > 0 && value <= 10)) {
            throw new IllegalArgumentException(name + " must be between 0 (exclusive) and 10, got " + value);
        }
    }

    private static Comparison latency(String metric, double baseline, double current, double tolerance) {
        return new Comparison(metric, baseline, current, change(baseline, current),
                current <= baseline * (1 + tolerance));
    }

    private static Comparison throughput(String metric, double baseline, double current, double tolerance) {
        return new Comparison(metric, baseline, current, change(baseline, current),
                current >= baseline * (1 - tolerance));
    }

    private static double change(double baseline, double current) {
        return baseline == 0 ? (current == 0 ? 0 : Double.MAX_VALUE) : current / baseline - 1;
    }
}
