package app.medianest.loadtest.engine;

import app.medianest.loadtest.config.EndpointMix;
import app.medianest.loadtest.config.LoadTestConfig;
import app.medianest.loadtest.config.ReferencePhase;
import app.medianest.loadtest.config.WeightedEndpoint;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Measures the ratios of a paired {@link ReferencePhase}: {@code rounds} times a slice of the mix and a slice of the
 * bare endpoint, all users running throughout each slice, in the order mix-bare, bare-mix, mix-bare, ... so that a
 * steady drift of the machine's speed cancels out. Each side's throughput is its requests over its slices' total
 * time, its percentiles those of its slices' merged response times.
 */
final class PairedReference {

    private PairedReference() {
    }

    /**
     * Runs the slices.
     *
     * @return the ratios, or {@code null} when the engine was stopped before the last slice ended
     */
    static BaselineRatio measure(PhaseRunner runner, LoadTestConfig config, StopSignal stop)
            throws InterruptedException {
        ReferencePhase reference = config.reference();
        LoadProfile slice = new LoadProfile(config.users(), Duration.ZERO, reference.slice(), Duration.ZERO);
        EndpointMix bare = new EndpointMix(List.of(new WeightedEndpoint(reference.path(), 1)));
        long thinkNanos = config.thinkTime().toNanos();
        Side mix = new Side();
        Side ref = new Side();
        for (int round = 0; round < reference.rounds(); round++) {
            boolean mixFirst = round % 2 == 0;
            for (int half = 0; half < 2; half++) {
                boolean isMix = (half == 0) == mixFirst;
                PhaseRunner.PhaseResult result = runner.run(slice, isMix ? config.mix() : bare, thinkNanos,
                        config.seed() + round, Phase.REFERENCE);
                if (stop.isStopped()) {
                    return null;
                }
                (isMix ? mix : ref).add(result);
            }
        }
        return BaselineRatio.of(reference.path(), mix.percentiles(), mix.throughput(), ref.percentiles(),
                ref.throughput(), ref.errorRate());
    }

    /** One side's totals over its slices. */
    private static final class Side {
        private final Histogram response = new Histogram(3);
        private long requests;
        private long errors;
        private double seconds;

        void add(PhaseRunner.PhaseResult result) {
            response.add(result.response());
            requests += result.overall().requests();
            errors += result.overall().errors();
            seconds += result.elapsed().toNanos() / 1e9;
        }

        LatencyPercentiles percentiles() {
            return LatencyPercentiles.ofMicros(response);
        }

        double throughput() {
            return seconds > 0 ? requests / seconds : 0;
        }

        double errorRate() {
            return requests == 0 ? 1.0 : (double) errors / requests;
        }
    }
}
