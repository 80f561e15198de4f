package app.medianest.loadtest.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything a load test run needs, validated eagerly: each invalid value is rejected at construction with a
 * message naming it.
 *
 * <p>The run is closed-loop: {@code users} virtual users start evenly spread over {@code rampUp}, all of them run
 * for {@code sustain}, and they stop evenly spread over {@code rampDown} (the last one started stops first). Each
 * user sends one request, waits for its response, waits {@code thinkTime}, and repeats.
 *
 * @param baseUrl        the server's base URL ({@code http} or {@code https}); endpoint paths are appended to it
 * @param users          number of virtual users, 1 to {@value #MAX_USERS}
 * @param rampUp         time over which the users start
 * @param sustain        time during which all users run; positive
 * @param rampDown       time over which the users stop
 * @param thinkTime      pause between a response and the same user's next request
 * @param mix            the weighted endpoint mix
 * @param auth           how users authenticate
 * @param requestTimeout per-request timeout; a timed-out request counts as a transport error
 * @param reference      the optional reference phase, or {@code null} for none
 * @param warmup         time during which all users run before the measured run, with results discarded (lets
 *                       the JIT compilers of server and generator settle); zero for none
 * @param seed           seed of the users' endpoint choices, for reproducible request sequences
 * @param transport      the HTTP client the users send with
 * @param threads        what the users run on
 */
public record LoadTestConfig(
        URI baseUrl,
        int users,
        Duration rampUp,
        Duration sustain,
        Duration rampDown,
        Duration thinkTime,
        EndpointMix mix,
        Auth auth,
        Duration requestTimeout,
        ReferencePhase reference,
        Duration warmup,
        long seed,
        Transport transport,
        UserThreads threads) {

    /** The largest number of virtual users accepted. */
    public static final int MAX_USERS = 10_000;

    private static final Duration MAX_PHASE = Duration.ofHours(24);

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the first bad value
     */
    public LoadTestConfig {
        baseUrl = checkUrl(baseUrl);
        if (users < 1 || users > MAX_USERS) {
            throw new IllegalArgumentException("users must be between 1 and " + MAX_USERS + ", got " + users);
        }
        checkRange("rampUp", rampUp, false);
        checkRange("sustain", sustain, true);
        checkRange("rampDown", rampDown, false);
        checkRange("thinkTime", thinkTime, false);
        checkRange("requestTimeout", requestTimeout, true);
        checkRange("warmup", warmup, false);
        Objects.requireNonNull(mix, "mix must not be null");
        Objects.requireNonNull(auth, "auth must not be null (use Auth.anonymous())");
        Objects.requireNonNull(transport, "transport must not be null");
        Objects.requireNonNull(threads, "threads must not be null");
    }

    private static URI checkUrl(URI url) {
        if (url == null) {
            throw new IllegalArgumentException("baseUrl must not be null");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL with a host, got '" + url + "'");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must have no query or fragment, got '" + url + "'");
        }
        String text = url.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
    }

    private static void checkRange(String name, Duration value, boolean positive) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (value.isNegative() || (positive && value.isZero()) || value.compareTo(MAX_PHASE) > 0) {
            throw new IllegalArgumentException(name + " must be " + (positive ? "positive" : "non-negative")
                    + " and at most 24h, got " + Durations.format(value.abs()) + (value.isNegative() ? " (negative)"
                    : ""));
        }
    }

    /**
     * The planned length of the main run: ramp-up plus sustain plus ramp-down (the reference phase excluded).
     *
     * @return the main run's length
     */
    public Duration mainDuration() {
        return rampUp.plus(sustain).plus(rampDown);
    }

    /**
     * The absolute URI of an endpoint path.
     *
     * @param path a path starting with {@code /}
     * @return the base URL followed by the path
     */
    public URI uriOf(String path) {
        return URI.create(baseUrl + path);
    }

    /**
     * Starts a builder with this project's defaults: 10 users, no ramps, 30 s sustained, no think time, the
     * strategy mix, anonymous, 10 s request timeout, no reference phase, no warm-up, seed 1, the lean transport.
     *
     * @param baseUrl the server's base URL
     * @return a builder
     */
    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    /**
     * A builder that starts from this configuration.
     *
     * @return a builder holding these values
     */
    public Builder toBuilder() {
        return new Builder(baseUrl).users(users).rampUp(rampUp).sustain(sustain).rampDown(rampDown)
                .thinkTime(thinkTime).mix(mix).auth(auth).requestTimeout(requestTimeout).reference(reference)
                .warmup(warmup).seed(seed).transport(transport).threads(threads);
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private URI baseUrl;
        private int users = 10;
        private Duration rampUp = Duration.ZERO;
        private Duration sustain = Duration.ofSeconds(30);
        private Duration rampDown = Duration.ZERO;
        private Duration thinkTime = Duration.ZERO;
        private EndpointMix mix = EndpointMix.strategy();
        private Auth auth = Auth.anonymous();
        private Duration requestTimeout = Duration.ofSeconds(10);
        private ReferencePhase reference;
        private Duration warmup = Duration.ZERO;
        private long seed = 1;
        private Transport transport = Transport.LEAN;
        private UserThreads threads = UserThreads.AUTO;

        private Builder(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        /** @param value the base URL @return this builder */
        public Builder baseUrl(URI value) {
            this.baseUrl = value;
            return this;
        }

        /** @param value number of virtual users @return this builder */
        public Builder users(int value) {
            this.users = value;
            return this;
        }

        /** @param value ramp-up time @return this builder */
        public Builder rampUp(Duration value) {
            this.rampUp = value;
            return this;
        }

        /** @param value sustain time @return this builder */
        public Builder sustain(Duration value) {
            this.sustain = value;
            return this;
        }

        /** @param value ramp-down time @return this builder */
        public Builder rampDown(Duration value) {
            this.rampDown = value;
            return this;
        }

        /** @param value think time @return this builder */
        public Builder thinkTime(Duration value) {
            this.thinkTime = value;
            return this;
        }

        /** @param value endpoint mix @return this builder */
        public Builder mix(EndpointMix value) {
            this.mix = value;
            return this;
        }

        /** @param value authentication @return this builder */
        public Builder auth(Auth value) {
            this.auth = value;
            return this;
        }

        /** @param value request timeout @return this builder */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        /** @param value reference phase, or {@code null} for none @return this builder */
        public Builder reference(ReferencePhase value) {
            this.reference = value;
            return this;
        }

        /** @param value warm-up time, zero for none @return this builder */
        public Builder warmup(Duration value) {
            this.warmup = value;
            return this;
        }

        /** @param value random seed of the endpoint choices @return this builder */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** @param value the HTTP client the users send with @return this builder */
        public Builder transport(Transport value) {
            this.transport = value;
            return this;
        }

        /** @param value what the users run on @return this builder */
        public Builder threads(UserThreads value) {
            this.threads = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the first bad value
         */
        public LoadTestConfig build() {
            return new LoadTestConfig(baseUrl, users, rampUp, sustain, rampDown, thinkTime, mix, auth,
                    requestTimeout, reference, warmup, seed, transport, threads);
        }
    }
}
