package app.medianest.loadtest.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class EndpointMetricsTest {

    @Test
    void lanesOfSeveralThreadsAddUpToExactlyTheHistogramOfEveryRequest() throws Exception {
        EndpointMetrics metrics = new EndpointMetrics("/health");
        Histogram expected = new Histogram(3);
        List<long[]> latencies = new ArrayList<>();
        for (int thread = 0; thread < 3; thread++) {
            SplittableRandom random = new SplittableRandom(thread);
            long[] micros = new long[20_000];
            for (int i = 0; i < micros.length; i++) {
                micros[i] = 1 + random.nextLong(200_000);
                expected.recordValue(micros[i]);
            }
            latencies.add(micros);
        }
        List<Thread> writers = new ArrayList<>();
        for (int thread = 0; thread < latencies.size(); thread++) {
            long[] micros = latencies.get(thread);
            // Thread 0 records into the shared recorders, as users on their own threads do; the others into lanes.
            EndpointMetrics.Lane lane = thread == 0 ? null : metrics.newLane();
            writers.add(Thread.ofPlatform().start(() -> {
                for (long value : micros) {
                    long nanos = TimeUnit.MICROSECONDS.toNanos(value);
                    if (lane == null) {
                        metrics.record(0, 0, nanos, Outcome.status(200), 0);
                    } else {
                        metrics.record(lane, 0, 0, nanos, Outcome.status(200), 0);
                    }
                }
            }));
        }
        Histogram intervalService = new Histogram(3);
        Histogram intervalResponse = new Histogram(3);
        for (Thread writer : writers) {
            while (writer.isAlive()) {
                metrics.drainInterval(intervalService, intervalResponse);  // sampling while they write
                writer.join(1);
            }
        }
        metrics.drainInterval(intervalService, intervalResponse);

        assertEquals(60_000, metrics.completed());
        assertEquals(expected, metrics.cumulativeService(), "merged lanes equal one histogram of every value");
        assertEquals(expected, intervalService, "the per-second intervals add up to the same");
        assertEquals(expected, metrics.cumulativeResponse(), "no think time, no correction: response = service");
    }
}
