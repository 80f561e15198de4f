package app.medianest.loadtest.report;

import app.medianest.loadtest.engine.BaselineRatio;
import app.medianest.loadtest.engine.EndpointStats;
import app.medianest.loadtest.engine.LoadTestResult;
import app.medianest.loadtest.engine.LoginStats;
import app.medianest.loadtest.engine.ProgressSnapshot;
import app.medianest.loadtest.engine.RunSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The JSON report of a run: the measured figures of {@link LoadTestResult}, the targets and the verdict, and
 * optionally the comparison with a baseline. A saved report is itself a baseline for later runs.
 *
 * @param schemaVersion        the report format's version, {@value #SCHEMA_VERSION}
 * @param generator            the tool that wrote it
 * @param settings             what was run
 * @param startedAt            wall-clock start
 * @param finishedAt           wall-clock end
 * @param elapsed              measured length of the main run
 * @param stopped              whether the run was stopped early
 * @param sustainThroughputRps throughput while all users ran
 * @param overall              totals over all endpoints
 * @param endpoints            totals per endpoint
 * @param logins               sign-ins
 * @param baselineRatio        ratios to the reference endpoint, or {@code null}
 * @param targets              the limits of the verdict
 * @param verdict              the verdict against the targets
 * @param baselineComparison   the comparison with a baseline, or {@code null}
 * @param timeline             per-second snapshots of the main run
 */
public record LoadTestReport(
        int schemaVersion,
        String generator,
        RunSettings settings,
        Instant startedAt,
        Instant finishedAt,
        Duration elapsed,
        boolean stopped,
        double sustainThroughputRps,
        EndpointStats overall,
        List<EndpointStats> endpoints,
        LoginStats logins,
        BaselineRatio baselineRatio,
        Targets targets,
        Verdict verdict,
        BaselineComparison baselineComparison,
        List<ProgressSnapshot> timeline) {

    /** The current report format's version. */
    public static final int SCHEMA_VERSION = 1;

    /** The generator name written into reports. */
    public static final String GENERATOR = "medianest-loadtest 0.1.0";

    /** Copies the lists. */
    public LoadTestReport {
        endpoints = List.copyOf(endpoints);
        timeline = List.copyOf(timeline);
    }

    /**
     * Builds the report of a result, with its verdict against the targets.
     *
     * @param result  what was measured
     * @param targets the limits
     * @return the report, without a baseline comparison
     */
    public static LoadTestReport of(LoadTestResult result, Targets targets) {
        return new LoadTestReport(SCHEMA_VERSION, GENERATOR, result.settings(), result.startedAt(),
                result.finishedAt(), result.elapsed(), result.stopped(), result.sustainThroughputRps(),
                result.overall(), result.endpoints(), result.logins(), result.baselineRatio(), targets,
                Verdict.evaluate(result, targets), null, result.timeline());
    }

    /**
     * A copy carrying a baseline comparison.
     *
     * @param comparison the comparison
     * @return the new report
     */
    public LoadTestReport withBaselineComparison(BaselineComparison comparison) {
        return new LoadTestReport(schemaVersion, generator, settings, startedAt, finishedAt, elapsed, stopped,
                sustainThroughputRps, overall, endpoints, logins, baselineRatio, targets, verdict, comparison,
                timeline);
    }

    /**
     * Whether the run passed: the verdict passed and, when compared, nothing regressed beyond the tolerance.
     *
     * @return true when the run passed
     */
    public boolean passed() {
        return verdict.passed() && (baselineComparison == null || !baselineComparison.regressed());
    }
}
