package app.medianest.loadtest.testing;

import app.medianest.loadtest.config.Auth;
import app.medianest.loadtest.config.LoadTestConfig;
import app.medianest.loadtest.config.ReferencePhase;
import app.medianest.loadtest.engine.BaselineRatio;
import app.medianest.loadtest.engine.EndpointStats;
import app.medianest.loadtest.engine.LatencyPercentiles;
import app.medianest.loadtest.engine.LoadTestResult;
import app.medianest.loadtest.engine.LoginStats;
import app.medianest.loadtest.engine.Phase;
import app.medianest.loadtest.engine.ProgressSnapshot;
import app.medianest.loadtest.engine.RunSettings;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Hand-made results for report tests, without running anything. */
public final class SampleReports {

    private SampleReports() {
    }

    /**
     * A result whose overall response times have the given p95 and p99, optionally with ratios.
     *
     * @param p95Ms     overall p95
     * @param p99Ms     overall p99
     * @param rps       throughput
     * @param withRatio whether to include a reference phase and its ratios
     * @return the result
     */
    public static LoadTestResult result(double p95Ms, double p99Ms, double rps, boolean withRatio) {
        LoadTestConfig.Builder config = LoadTestConfig.builder(URI.create("http://127.0.0.1:8080")).users(20)
                .rampUp(Duration.ofMinutes(2)).sustain(Duration.ofMinutes(10))
                .auth(new Auth.Credentials("admin", "secret"));
        if (withRatio) {
            config.reference(new ReferencePhase("/health", Duration.ofSeconds(30)));
        }
        LatencyPercentiles rt = new LatencyPercentiles(1000, p95Ms / 3, p95Ms, p99Ms, p99Ms * 2, p95Ms / 2.5);
        LatencyPercentiles st = new LatencyPercentiles(990, p95Ms / 3, p95Ms * 0.9, p99Ms * 0.8, p99Ms * 2, 1.25);
        EndpointStats stats = new EndpointStats("/api/v1/dashboard/stats", 990, 3, 3 / 990.0, rps, rt, st,
                Map.of(503, 2L), Map.of("timeout", 1L));
        EndpointStats all = new EndpointStats(EndpointStats.ALL, 990, 3, 3 / 990.0, rps, rt, st, Map.of(503, 2L),
                Map.of("timeout", 1L));
        List<ProgressSnapshot> timeline = List.of(
                new ProgressSnapshot(Phase.RAMP_UP, Duration.ofSeconds(1), 1, 1.0, 10, 0, 10.0, rt, st, 10, 0),
                new ProgressSnapshot(Phase.SUSTAIN, Duration.ofMillis(2004), 20, 1.004, 25, 3, 24.9, rt, st, 35, 3));
        LatencyPercentiles reference = new LatencyPercentiles(500, 0.4, 0.9, 1.7, 3.0, 0.5);
        BaselineRatio ratio = withRatio ? BaselineRatio.of("/health", all, rps, new EndpointStats("/health", 500, 0,
                0, rps * 1.5, reference, reference, Map.of(), Map.of())) : null;
        return new LoadTestResult(RunSettings.of(config.build()), Instant.parse("2026-05-01T10:00:00.123Z"),
                Instant.parse("2026-05-01T10:12:30Z"), Duration.ofMinutes(12), rps, all, List.of(stats),
                new LoginStats(21, 20, 0, Map.of("429", 1L)), ratio, false, timeline,
                new TreeMap<>(Map.of(410L, 500L, 1250L, 480L, 3100L, 10L)));
    }
}
