package app.medianest.loadtest.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything a run measured. Figures cover the main run (ramp-up, sustain and ramp-down); the reference phase,
 * when there was one, appears only through {@link #baselineRatio()}.
 *
 * @param settings             what was run
 * @param startedAt            wall-clock start of the main run
 * @param finishedAt           wall-clock end of the run, reference phase included
 * @param elapsed              measured length of the main run
 * @param sustainThroughputRps throughput while all users ran (the whole run's when there was no full second of
 *                             sustain)
 * @param overall              totals over all endpoints
 * @param endpoints            totals per endpoint, in mix order
 * @param logins               sign-ins of the virtual users
 * @param baselineRatio        ratios to the reference phase, or {@code null} without one
 * @param stopped              whether {@link LoadTestEngine#stop()} ended the run early
 * @param timeline             the main run's per-second snapshots
 */
public record LoadTestResult(
        RunSettings settings,
        Instant startedAt,
        Instant finishedAt,
        Duration elapsed,
        double sustainThroughputRps,
        EndpointStats overall,
        List<EndpointStats> endpoints,
        LoginStats logins,
        BaselineRatio baselineRatio,
        boolean stopped,
        List<ProgressSnapshot> timeline) {

    /** Copies the lists. */
    public LoadTestResult {
        endpoints = List.copyOf(endpoints);
        timeline = List.copyOf(timeline);
    }
}
