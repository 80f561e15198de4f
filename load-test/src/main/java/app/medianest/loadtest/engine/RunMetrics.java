package app.medianest.loadtest.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The metrics of one phase: one {@link EndpointMetrics} per endpoint, the per-second sampling into snapshots, and
 * the running median service time that sets the coordinated-omission expected interval.
 */
final class RunMetrics {

    private final Map<String, EndpointMetrics> endpoints = new LinkedHashMap<>();
    private final Histogram overallService = new Histogram(3);
    private final Histogram overallResponse = new Histogram(3);
    private volatile long medianServiceNanos;
    private long lastRequests;
    private long lastErrors;
    private long lastSampleNanos;

    RunMetrics(List<String> paths, long startNanos) {
        for (String path : paths) {
            endpoints.put(path, new EndpointMetrics(path));
        }
        this.lastSampleNanos = startNanos;
    }

    EndpointMetrics of(String path) {
        return endpoints.get(path);
    }

    /**
     * The interval at which one user intends to send: think time plus the median service time so far. Zero, which
     * disables correction, while nothing is known and there is no think time.
     */
    long expectedIntervalNanos(long thinkNanos) {
        long median = medianServiceNanos;
        return median == 0 && thinkNanos == 0 ? 0 : thinkNanos + median;
    }

    /**
     * Closes the current interval. Sampling thread only.
     *
     * @return the interval's snapshot
     */
    ProgressSnapshot sample(Phase phase, Duration elapsed, int activeUsers, long nowNanos) {
        Histogram intervalService = new Histogram(3);
        Histogram intervalResponse = new Histogram(3);
        long requests = 0;
        long errors = 0;
        for (EndpointMetrics metrics : endpoints.values()) {
            metrics.drainInterval(intervalService, intervalResponse);
            requests += metrics.completed();
            errors += metrics.errors();
        }
        overallService.add(intervalService);
        overallResponse.add(intervalResponse);
        if (overallService.getTotalCount() > 0) {
            medianServiceNanos = TimeUnit.MICROSECONDS.toNanos(overallService.getValueAtPercentile(50));
        }
        double seconds = Math.max(1e-9, (nowNanos - lastSampleNanos) / 1e9);
        long intervalRequests = requests - lastRequests;
        ProgressSnapshot snapshot = new ProgressSnapshot(phase, elapsed, activeUsers, seconds, intervalRequests,
                errors - lastErrors, intervalRequests / seconds, LatencyPercentiles.ofMicros(intervalResponse),
                LatencyPercentiles.ofMicros(intervalService), requests, errors);
        lastRequests = requests;
        lastErrors = errors;
        lastSampleNanos = nowNanos;
        return snapshot;
    }

    /** A copy of the phase's service times over all endpoints (sampled intervals only). */
    Histogram overallService() {
        return overallService.copy();
    }

    /** A copy of the phase's response times over all endpoints (sampled intervals only). */
    Histogram overallResponse() {
        return overallResponse.copy();
    }

    List<EndpointStats> endpointStats(double seconds) {
        List<EndpointStats> stats = new ArrayList<>();
        for (EndpointMetrics metrics : endpoints.values()) {
            stats.add(metrics.stats(seconds));
        }
        return stats;
    }

    EndpointStats overallStats(double seconds) {
        long requests = 0;
        long errors = 0;
        Map<Integer, Long> byStatus = new HashMap<>();
        Map<String, Long> transport = new HashMap<>();
        for (EndpointMetrics metrics : endpoints.values()) {
            requests += metrics.completed();
            errors += metrics.errors();
            metrics.errorsByStatus().forEach((status, count) -> byStatus.merge(status, count, Long::sum));
            metrics.transportErrors().forEach((kind, count) -> transport.merge(kind, count, Long::sum));
        }
        return new EndpointStats(EndpointStats.ALL, requests, errors, requests == 0 ? 1.0 : (double) errors / requests,
                seconds > 0 ? requests / seconds : 0, LatencyPercentiles.ofMicros(overallResponse),
                LatencyPercentiles.ofMicros(overallService), byStatus, transport);
    }
}
