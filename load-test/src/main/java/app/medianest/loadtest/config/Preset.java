package app.medianest.loadtest.config;

import java.time.Duration;
import java.util.Locale;

/**
 * Named starting points for a run; explicit settings override them.
 */
public enum Preset {

    /** The performance strategy's run: 2 minutes ramping to 20 users, 10 minutes sustained, the preset mix. */
    STRATEGY(20, Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofSeconds(1)),

    /** A smoke run with the same mix and users, about 20 seconds in all (5 s ramp-up, 15 s sustained). */
    QUICK(20, Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(1)),

    /** 20 family members on the portal (pages with the session cookie, and their API calls): 10 s ramp, 60 s. */
    PORTAL(20, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(1));

    private final int users;
    private final Duration rampUp;
    private final Duration sustain;
    private final Duration thinkTime;

    Preset(int users, Duration rampUp, Duration sustain, Duration thinkTime) {
        this.users = users;
        this.rampUp = rampUp;
        this.sustain = sustain;
        this.thinkTime = thinkTime;
    }

    /**
     * Applies the preset's users, ramps, sustain, think time and the adaptive preset mix
     * ({@link EndpointMix#PRESET_SPEC}) to a builder.
     *
     * @param builder the builder to change
     * @return the same builder
     */
    public LoadTestConfig.Builder applyTo(LoadTestConfig.Builder builder) {
        return builder.users(users).rampUp(rampUp).sustain(sustain).rampDown(Duration.ZERO).thinkTime(thinkTime)
                .mix(this == PORTAL ? PortalMix.mix() : EndpointMix.preset());
    }

    /**
     * Finds a preset by its lower-case name.
     *
     * @param name {@code strategy} or {@code quick}
     * @return the preset
     * @throws IllegalArgumentException naming the unknown preset
     */
    public static Preset byName(String name) {
        for (Preset preset : values()) {
            if (preset.name().toLowerCase(Locale.ROOT).equals(name)) {
                return preset;
            }
        }
        throw new IllegalArgumentException("expected 'strategy', 'quick' or 'portal', got '" + name + "'");
    }
}
