package app.medianest.loadtest.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies and outcomes of one endpoint. Virtual users record concurrently (HdrHistogram {@link Recorder}s are
 * wait-free for writers); only the sampling thread calls {@link #drainInterval}.
 *
 * <h2>Coordinated-omission correction</h2>
 * A closed-loop user cannot send while it waits, so a server stall silently removes the requests the user would
 * have sent meanwhile: naive latencies then under-report stalls by exactly the samples that would have shown
 * them. Each user therefore follows an intended schedule, and two latencies are kept per request:
 * <ul>
 *   <li><b>service time</b>: completion minus the actual send time (what uncorrected tools such as wrk report);
 *   <li><b>response time</b>: completion minus the <em>intended</em> send time, which is the previous
 *       completion plus the think time (so a late start caused by the generator itself also counts), recorded
 *       with HdrHistogram's {@code recordValueWithExpectedInterval}. The expected interval between one user's
 *       requests is {@code think time + median service time so far}; a response slower than that interval also
 *       records the synthetic latencies {@code L - I, L - 2I, ...} (down to {@code I}) of the requests this user
 *       would have sent during the stall and that would have waited for its end.
 * </ul>
 * Synthetic samples count in response-time percentiles only, never in request counts or throughput, and are
 * attributed to the endpoint whose request stalled. With zero think time the intended schedule is "as fast as
 * the server's median", so correction starts at twice the median service time; until the first median is known
 * (the first second) no correction applies.
 */
final class EndpointMetrics {

    private static final int SIGNIFICANT_DIGITS = 3;

    private final String endpoint;
    private final Recorder service = new Recorder(SIGNIFICANT_DIGITS);
    private final Recorder response = new Recorder(SIGNIFICANT_DIGITS);
    private final LongAdder completed = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Map<Integer, LongAdder> errorsByStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> transportErrors = new ConcurrentHashMap<>();

    private final Histogram cumulativeService = new Histogram(SIGNIFICANT_DIGITS);
    private final Histogram cumulativeResponse = new Histogram(SIGNIFICANT_DIGITS);
    private Histogram recycledService;
    private Histogram recycledResponse;

    EndpointMetrics(String endpoint) {
        this.endpoint = endpoint;
    }

    String endpoint() {
        return endpoint;
    }

    /**
     * Records one completed request.
     *
     * @param intendedNanos         when the user meant to send it
     * @param sentNanos             when it was actually sent
     * @param completedNanos        when its response (or transport error) arrived
     * @param outcome               how it ended
     * @param expectedIntervalNanos the user's expected interval between requests, 0 for no correction
     */
    void record(long intendedNanos, long sentNanos, long completedNanos, Outcome outcome, long expectedIntervalNanos) {
        completed.increment();
        if (outcome.isError()) {
            errors.increment();
        }
        if (!outcome.hasResponse()) {
            transportErrors.computeIfAbsent(outcome.transportError(), k -> new LongAdder()).increment();
            return;
        }
        if (outcome.status() >= 400) {
            errorsByStatus.computeIfAbsent(outcome.status(), k -> new LongAdder()).increment();
        }
        service.recordValue(micros(completedNanos - sentNanos));
        long responseMicros = micros(completedNanos - Math.min(intendedNanos, sentNanos));
        long intervalMicros = micros(expectedIntervalNanos);
        if (intervalMicros > 0) {
            response.recordValueWithExpectedInterval(responseMicros, intervalMicros);
        } else {
            response.recordValue(responseMicros);
        }
    }

    private static long micros(long nanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
    }

    /**
     * Moves what was recorded since the last call into this endpoint's cumulative histograms and into the given
     * interval histograms. Sampling thread only.
     */
    void drainInterval(Histogram intervalService, Histogram intervalResponse) {
        recycledService = service.getIntervalHistogram(recycledService);
        recycledResponse = response.getIntervalHistogram(recycledResponse);
        cumulativeService.add(recycledService);
        cumulativeResponse.add(recycledResponse);
        intervalService.add(recycledService);
        intervalResponse.add(recycledResponse);
    }

    long completed() {
        return completed.sum();
    }

    long errors() {
        return errors.sum();
    }

    Histogram cumulativeService() {
        return cumulativeService;
    }

    Histogram cumulativeResponse() {
        return cumulativeResponse;
    }

    Map<Integer, Long> errorsByStatus() {
        return errorsByStatus.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
    }

    Map<String, Long> transportErrors() {
        return transportErrors.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
    }

    EndpointStats stats(double seconds) {
        long requests = completed();
        long failed = errors();
        return new EndpointStats(endpoint, requests, failed, requests == 0 ? 1.0 : (double) failed / requests,
                seconds > 0 ? requests / seconds : 0,
                LatencyPercentiles.ofMicros(cumulativeResponse), LatencyPercentiles.ofMicros(cumulativeService),
                errorsByStatus(), transportErrors());
    }
}
