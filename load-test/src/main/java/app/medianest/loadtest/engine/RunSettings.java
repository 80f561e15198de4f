package app.medianest.loadtest.engine;

import app.medianest.loadtest.config.LoadTestConfig;
import app.medianest.loadtest.config.WeightedEndpoint;
import java.time.Duration;
import java.util.List;

/**
 * The settings of a run as a report shows them: the configuration without secrets.
 *
 * @param baseUrl           the server's base URL
 * @param users             number of virtual users
 * @param rampUp            ramp-up time
 * @param sustain           sustain time
 * @param rampDown          ramp-down time
 * @param thinkTime         think time
 * @param mix               the endpoint mix
 * @param authMode          {@code anonymous}, {@code credentials} or {@code token}
 * @param requestTimeout    per-request timeout
 * @param referencePath     the reference endpoint, or {@code null} without a reference phase
 * @param referenceDuration the reference phase's length, or {@code null}
 * @param warmup            the discarded warm-up's length
 * @param seed              seed of the endpoint choices
 * @param transport         the HTTP client the users sent with ({@code lean} or {@code jdk}); {@code null} in
 *                          reports written before it was recorded
 * @param referenceRounds   paired reference rounds (1: one phase after the main run), or {@code null} without a
 *                          reference phase or in older reports
 * @param leftOut           endpoints of an adaptive mix that the server could not serve, left out of the run
 *                          (empty in older reports)
 */
public record RunSettings(
        String baseUrl,
        int users,
        Duration rampUp,
        Duration sustain,
        Duration rampDown,
        Duration thinkTime,
        List<WeightedEndpoint> mix,
        String authMode,
        Duration requestTimeout,
        String referencePath,
        Duration referenceDuration,
        Duration warmup,
        long seed,
        String transport,
        Integer referenceRounds,
        List<LeftOutEndpoint> leftOut) {

    /** Copies the lists. */
    public RunSettings {
        mix = List.copyOf(mix);
        leftOut = leftOut == null ? List.of() : List.copyOf(leftOut);
    }

    /**
     * The settings of a configuration.
     *
     * @param config the configuration
     * @return its settings, without credentials or tokens
     */
    public static RunSettings of(LoadTestConfig config) {
        return new RunSettings(config.baseUrl().toString(), config.users(), config.rampUp(), config.sustain(),
                config.rampDown(), config.thinkTime(), config.mix().endpoints(), config.auth().mode(),
                config.requestTimeout(),
                config.reference() == null ? null : config.reference().path(),
                config.reference() == null ? null : config.reference().duration(),
                config.warmup(), config.seed(), config.transport().wireName(),
                config.reference() == null ? null : config.reference().rounds(), List.of());
    }

    /**
     * These settings with the endpoints an adaptive mix left out.
     *
     * @param value the endpoints left out
     * @return the settings
     */
    public RunSettings withLeftOut(List<LeftOutEndpoint> value) {
        return new RunSettings(baseUrl, users, rampUp, sustain, rampDown, thinkTime, mix, authMode, requestTimeout,
                referencePath, referenceDuration, warmup, seed, transport, referenceRounds, value);
    }
}
