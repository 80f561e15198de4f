package app.medianest.loadtest.engine;

import java.time.Duration;

/**
 * What happened during one progress interval (normally one second), plus running totals. Immutable; handed to
 * {@link ProgressListener}s and kept as the report's timeline.
 *
 * @param phase            the phase the interval belongs to
 * @param elapsed          time since the phase's start at the end of the interval
 * @param activeUsers      users running at the end of the interval
 * @param intervalSeconds  the interval's actual length
 * @param intervalRequests requests completed during the interval
 * @param intervalErrors   errors during the interval
 * @param throughputRps    requests completed per second during the interval
 * @param responseTime     the interval's response times (corrected for coordinated omission)
 * @param serviceTime      the interval's service times (uncorrected)
 * @param totalRequests    requests completed since the phase started
 * @param totalErrors      errors since the phase started
 */
public record ProgressSnapshot(
        Phase phase,
        Duration elapsed,
        int activeUsers,
        double intervalSeconds,
        long intervalRequests,
        long intervalErrors,
        double throughputRps,
        LatencyPercentiles responseTime,
        LatencyPercentiles serviceTime,
        long totalRequests,
        long totalErrors) {
}
