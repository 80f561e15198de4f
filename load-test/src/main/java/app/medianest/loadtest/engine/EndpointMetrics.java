package app.medianest.loadtest.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntervalHistogramProvider;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.SingleWriterRecorder;
import org.HdrHistogram.ValueRecorder;

/**
 * Latencies and outcomes of one endpoint. Users on their own threads record concurrently into shared HdrHistogram
 * {@link Recorder}s (wait-free for writers); an event-loop thread records into its own {@link Lane}, histograms with
 * a single writer and no shared write. Only the sampling thread calls {@link #drainInterval}, which adds every
 * recorder's interval into the endpoint's histograms (adding HdrHistograms of the same precision loses nothing).
 *
 * <h2>Coordinated-omission correction</h2>
 * A closed-loop user cannot send while it waits, so a server stall silently removes the requests the user would
 * have sent meanwhile: naive latencies then under-report stalls by exactly the samples that would have shown
 * them. Each user therefore follows an intended schedule, and two latencies are kept per request:
 * <ul>
 *   <li><b>service time</b>: completion minus the actual send time (what uncorrected tools such as wrk report);
 *   <li><b>response time</b>: completion minus the <em>intended</em> send time, which is the previous
 *       completion plus the think time (on an {@link EventLoop}, the start of the millisecond in which that
 *       ends, as wrk counts it), so a late start caused by the generator itself also counts, recorded
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
    private final Lane shared = new Lane(new Recorder(SIGNIFICANT_DIGITS), new Recorder(SIGNIFICANT_DIGITS));
    private final List<Lane> lanes = new CopyOnWriteArrayList<>(List.of(shared));
    private final LongAdder completed = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Map<Integer, LongAdder> errorsByStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> transportErrors = new ConcurrentHashMap<>();

    private final Histogram cumulativeService = new Histogram(SIGNIFICANT_DIGITS);
    private final Histogram cumulativeResponse = new Histogram(SIGNIFICANT_DIGITS);

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
        record(shared, intendedNanos, sentNanos, completedNanos, outcome, expectedIntervalNanos);
    }

    /**
     * A new lane for one recording thread; only that thread may record into it.
     *
     * @return the lane, sampled with the others from now on
     */
    Lane newLane() {
        Lane lane = new Lane(new SingleWriterRecorder(SIGNIFICANT_DIGITS), new SingleWriterRecorder(SIGNIFICANT_DIGITS));
        lanes.add(lane);
        return lane;
    }

    /** Records one completed request like {@link #record(long, long, long, Outcome, long)}, into a lane. */
    void record(Lane lane, long intendedNanos, long sentNanos, long completedNanos, Outcome outcome,
            long expectedIntervalNanos) {
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
        lane.service.recordValue(micros(completedNanos - sentNanos));
        long responseMicros = micros(completedNanos - Math.min(intendedNanos, sentNanos));
        long intervalMicros = micros(expectedIntervalNanos);
        if (intervalMicros > 0) {
            lane.response.recordValueWithExpectedInterval(responseMicros, intervalMicros);
        } else {
            lane.response.recordValue(responseMicros);
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
        for (Lane lane : lanes) {
            lane.drain();
            cumulativeService.add(lane.recycledService);
            cumulativeResponse.add(lane.recycledResponse);
            intervalService.add(lane.recycledService);
            intervalResponse.add(lane.recycledResponse);
        }
    }

    /** A pair of recorders (service time, response time) and the histograms their intervals are drained into. */
    static final class Lane {
        private final ValueRecorder service;
        private final ValueRecorder response;
        private final IntervalHistogramProvider<Histogram> serviceIntervals;
        private final IntervalHistogramProvider<Histogram> responseIntervals;
        private Histogram recycledService;
        private Histogram recycledResponse;

        private <R extends ValueRecorder & IntervalHistogramProvider<Histogram>> Lane(R service, R response) {
            this.service = service;
            this.response = response;
            this.serviceIntervals = service;
            this.responseIntervals = response;
        }

        private void drain() {
            recycledService = serviceIntervals.getIntervalHistogram(recycledService);
            recycledResponse = responseIntervals.getIntervalHistogram(recycledResponse);
        }
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
