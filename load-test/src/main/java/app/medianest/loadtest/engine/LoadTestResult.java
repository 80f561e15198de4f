package app.medianest.loadtest.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

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
 * @param serviceTimeCounts    the main run's service times over all endpoints: how many requests took each number
 *                             of microseconds (HdrHistogram's buckets at three significant digits, each named by
 *                             its highest value), in ascending order; for pooling the requests of several runs
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
        List<ProgressSnapshot> timeline,
        NavigableMap<Long, Long> serviceTimeCounts) {

    /** Copies the lists and the counts. */
    public LoadTestResult {
        endpoints = List.copyOf(endpoints);
        timeline = List.copyOf(timeline);
        serviceTimeCounts = Collections.unmodifiableNavigableMap(new TreeMap<>(serviceTimeCounts));
    }
}
