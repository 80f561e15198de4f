package app.medianest.loadtest.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class CoordinatedOmissionTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final EndpointMetrics metrics = new EndpointMetrics("/x");

    /** One user with 90 ms think time and 10 ms responses sends every 100 ms; one response takes a full second. */
    @Test
    void aStallCountsAgainstTheRequestsThatShouldHaveBeenSentMeanwhile() {
        long time = 0;
        for (int i = 0; i < 99; i++) {
            metrics.record(time, time, time + 10 * MS, Outcome.status(200), 100 * MS);
            time += 100 * MS;
        }
        metrics.record(time, time, time + 1000 * MS, Outcome.status(200), 100 * MS);

        EndpointStats stats = drained();

        assertEquals(100, stats.serviceTime().count());
        assertEquals(10.0, stats.serviceTime().p99Ms(), 0.1, "uncorrected, the stall is 1 sample in 100");
        assertEquals(100 + 9, stats.responseTime().count(), "900, 800, ... 100 ms for the 9 missed sends");
        assertTrue(stats.responseTime().p99Ms() >= 900, "" + stats.responseTime());
        assertEquals(1000.0, stats.responseTime().maxMs(), 1.0);
        assertEquals(100, stats.requests(), "synthetic samples are not requests");
    }

    @Test
    void aLateSendCountsFromTheIntendedTime() {
        metrics.record(0, 50 * MS, 60 * MS, Outcome.status(200), 0);

        EndpointStats stats = drained();

        assertEquals(10.0, stats.serviceTime().maxMs(), 0.01);
        assertEquals(60.0, stats.responseTime().maxMs(), 0.1, "the generator's own delay is not hidden");
    }

    @Test
    void withoutAnExpectedIntervalNothingIsAdded() {
        metrics.record(0, 0, 1000 * MS, Outcome.status(200), 0);

        assertEquals(1, drained().responseTime().count());
    }

    @Test
    void errorsAreCountedByStatusAndTransportErrorsHaveNoLatency() {
        metrics.record(0, 0, MS, Outcome.status(503), 0);
        metrics.record(0, 0, MS, Outcome.status(404), 0);
        metrics.record(0, 0, MS, Outcome.status(304), 0);
        metrics.record(0, 0, MS, Outcome.transport(new ConnectException("refused")), 0);
        metrics.record(0, 0, MS, Outcome.transport(new IOException("reset")), 0);

        EndpointStats stats = drained();

        assertEquals(5, stats.requests());
        assertEquals(4, stats.errors());
        assertEquals(Map.of(404, 1L, 503, 1L), stats.errorsByStatus());
        assertEquals(Map.of("connect", 1L, "io", 1L), stats.transportErrors());
        assertEquals(3, stats.serviceTime().count());
    }

    @Test
    void theExpectedIntervalIsThinkTimePlusTheMedianServiceTime() {
        RunMetrics run = new RunMetrics(List.of("/x"), 0);
        assertEquals(0, run.expectedIntervalNanos(0), "nothing known yet, no think time: no correction");
        assertEquals(20 * MS, run.expectedIntervalNanos(20 * MS));
        for (int i = 0; i < 10; i++) {
            run.of("/x").record(0, 0, 4 * MS, Outcome.status(200), 0);
        }
        run.sample(Phase.SUSTAIN, Duration.ofSeconds(1), 1, TimeUnit.SECONDS.toNanos(1));
        assertEquals(24.0, run.expectedIntervalNanos(20 * MS) / (double) MS, 0.01);
    }

    private EndpointStats drained() {
        metrics.drainInterval(new Histogram(3), new Histogram(3));
        return metrics.stats(1.0);
    }
}
