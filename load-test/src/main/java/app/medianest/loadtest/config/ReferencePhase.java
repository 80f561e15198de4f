package app.medianest.loadtest.config;

import java.time.Duration;

/**
 * A short phase after the main run in which the same virtual users, with the same think time, request one bare
 * endpoint (typically {@code /health}). The report then expresses the mix's figures as ratios to it, so a baseline
 * comparison on a different or busier machine compares ratios rather than absolute times.
 *
 * <p>With one round the bare endpoint runs once, for {@code duration}, and is compared with the main run. With
 * several rounds the ratio is measured in pairs instead: {@code rounds} times, a slice of the mix and a slice of the
 * bare endpoint, each {@code duration / rounds} long, in the order mix-bare, bare-mix, mix-bare, ... Both sides
 * then see the same moments of a busy machine, which one long phase after another cannot ensure.
 *
 * @param path     the bare endpoint, starting with {@code /}
 * @param duration how long the bare endpoint runs in all, at least 1 s
 * @param rounds   1 for one phase after the main run, or the number of paired slices (each at least 500 ms)
 */
public record ReferencePhase(String path, Duration duration, int rounds) {

    /** The largest number of paired rounds. */
    public static final int MAX_ROUNDS = 100;

    /**
     * Validates the phase.
     *
     * @throws IllegalArgumentException naming the bad path, duration or rounds
     */
    public ReferencePhase {
        new WeightedEndpoint(path, 1);
        if (duration == null || duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("reference duration must be at least 1s, got "
                    + (duration == null ? null : Durations.format(duration)));
        }
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("reference rounds must be between 1 and " + MAX_ROUNDS + ", got "
                    + rounds);
        }
        if (duration.dividedBy(rounds).compareTo(Duration.ofMillis(500)) < 0) {
            throw new IllegalArgumentException("reference slices must be at least 500ms, got "
                    + Durations.format(duration.dividedBy(rounds)) + " (" + Durations.format(duration) + " in "
                    + rounds + " rounds)");
        }
    }

    /**
     * One reference phase after the main run.
     *
     * @param path     the bare endpoint
     * @param duration its length
     */
    public ReferencePhase(String path, Duration duration) {
        this(path, duration, 1);
    }

    /**
     * Whether the ratio is measured in paired slices.
     *
     * @return true with more than one round
     */
    public boolean paired() {
        return rounds > 1;
    }

    /**
     * The length of one slice.
     *
     * @return {@code duration / rounds}
     */
    public Duration slice() {
        return duration.dividedBy(rounds);
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
