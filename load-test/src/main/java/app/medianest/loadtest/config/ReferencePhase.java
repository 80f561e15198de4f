package app.medianest.loadtest.config;

import java.time.Duration;

/**
 * A short phase after the main run in which the same virtual users, with the same think time, request one bare
 * endpoint (typically {@code /health}). The report then expresses the mix's figures as ratios to it, so a baseline
 * comparison on a different or busier machine compares ratios rather than absolute times.
 *
 * @param path     the bare endpoint, starting with {@code /}
 * @param duration how long the reference phase runs, at least 1 s
 */
public record ReferencePhase(String path, Duration duration) {

    /**
     * Validates the phase.
     *
     * @throws IllegalArgumentException naming the bad path or duration
     */
    public ReferencePhase {
        new WeightedEndpoint(path, 1);
        if (duration == null || duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("reference duration must be at least 1s, got "
                    + (duration == null ? null : Durations.format(duration)));
        }
    }

    /**
     * The default reference duration for a run with the given sustain time: a fifth of it, between 5 s and 30 s.
     *
     * @param sustain the main run's sustain time
     * @return the reference duration
     */
    public static Duration defaultDuration(Duration sustain) {
        Duration fifth = sustain.dividedBy(5);
        Duration min = Duration.ofSeconds(5);
        Duration max = Duration.ofSeconds(30);
        return fifth.compareTo(min) < 0 ? min : fifth.compareTo(max) > 0 ? max : fifth;
    }
}
