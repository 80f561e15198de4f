package app.medianest.loadtest.cli;

import app.medianest.loadtest.config.LoadTestConfig;
import app.medianest.loadtest.report.Targets;
import java.nio.file.Path;

/**
 * A parsed command line.
 *
 * @param config    what to run
 * @param targets   the verdict's limits
 * @param jsonOut   where to write the JSON report, or {@code null}
 * @param htmlOut   where to write the HTML report, or {@code null}
 * @param baseline  the baseline report to compare with, or {@code null}
 * @param tolerance allowed relative regression against the baseline
 * @param latencyTolerance allowed relative growth of latency figures against the baseline
 * @param quiet     whether to suppress the per-second progress lines
 * @param latenciesOut where to write the service-time counts, or {@code null}
 */
public record CliOptions(LoadTestConfig config, Targets targets, Path jsonOut, Path htmlOut, Path baseline,
        double tolerance, double latencyTolerance, boolean quiet, Path latenciesOut) {
}
