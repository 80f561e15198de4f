package app.medianest.loadtest.engine;

import app.medianest.loadtest.config.EndpointMix;
import app.medianest.loadtest.config.LoadTestConfig;
import app.medianest.loadtest.config.ReferencePhase;
import app.medianest.loadtest.config.WeightedEndpoint;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Runs a load test: closed-loop virtual users, one thread each, sending over the configured
 * {@link app.medianest.loadtest.config.Transport}: by default a lean blocking HTTP/1.1 client with one keep-alive
 * socket per user, or {@code java.net.http.HttpClient}.
 *
 * <p>With credentials, every user signs in first, a few at a time and before any clock starts (see
 * {@code Sessions}). An optional warm-up runs all users against the mix first and is discarded. The main run follows the
 * configured {@link LoadProfile} (ramp-up, sustain, ramp-down). Each user signs in once
 * (or uses the configured token), then loops: pick an endpoint from the weighted mix, send, wait for the response,
 * think. Latencies go into HdrHistograms per endpoint, both uncorrected (service time) and corrected for
 * coordinated omission (response time; the method is described on the package-private {@code EndpointMetrics}:
 * latency is measured from each user's intended send time, and a stall also records the requests that user would
 * have sent meanwhile). When the configuration has a {@link ReferencePhase}, the same users then request the bare
 * reference endpoint for its duration (or alternate slices of the mix and of the bare endpoint, when it has several
 * rounds), and the result carries the ratios ({@link BaselineRatio}).
 *
 * <p>Listeners receive one {@link ProgressSnapshot} per second on the engine's sampling thread. An engine runs
 * once; {@link #stop()} ends it early from any thread, and the result then covers what ran.
 *
 * <pre>{@code
 * LoadTestEngine engine = LoadTestEngine.builder(config).listener(snapshot -> chart.add(snapshot)).build();
 * LoadTestResult result = engine.run();
 * }</pre>
 */
public final class LoadTestEngine {

    /** Sign-ins in flight at once before the run: enough to be quick, few enough not to swamp a small server. */
    static final int SIGN_IN_PARALLELISM = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final LoadTestConfig config;
    private final ProgressListener listener;
    private final NanoClock clock;
    private final Clock wallClock;
    private final HttpClient providedClient;
    private final StopSignal stop = new StopSignal();
    private final AtomicBoolean started = new AtomicBoolean();

    private LoadTestEngine(Builder builder) {
        this.config = builder.config;
        this.listener = builder.listener;
        this.clock = builder.clock;
        this.wallClock = builder.wallClock;
        this.providedClient = builder.httpClient;
    }

    /**
     * Starts building an engine for a configuration.
     *
     * @param config what to run
     * @return a builder
     */
    public static Builder builder(LoadTestConfig config) {
        return new Builder(config);
    }

    /**
     * Runs the test on the calling thread and returns when it has finished or was stopped.
     *
     * @return what was measured
     * @throws InterruptedException  when the calling thread is interrupted (the users are stopped first)
     * @throws IllegalStateException when this engine has already run
     */
    public LoadTestResult run() throws InterruptedException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a LoadTestEngine runs once; build a new one");
        }
        try (HttpTransport transport = transport()) {
            return runWith(transport);
        }
    }

    /**
     * Runs the test on a new platform thread named {@code medianest-loadtest}.
     *
     * @return the result, completed exceptionally if the run fails
     */
    public CompletableFuture<LoadTestResult> start() {
        CompletableFuture<LoadTestResult> result = new CompletableFuture<>();
        Thread.ofPlatform().name("medianest-loadtest").daemon(true).start(() -> {
            try {
                result.complete(run());
            } catch (InterruptedException e) {
                result.completeExceptionally(e);
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Stops the run early: no user sends another request, in-flight requests complete. Idempotent. */
    public void stop() {
        stop.stop();
    }

    private HttpTransport transport() {
        if (providedClient != null) {
            return JdkTransport.using(providedClient, config.requestTimeout());
        }
        return switch (config.transport()) {
            case LEAN -> new LeanTransport(config.baseUrl(), config.requestTimeout());
            case JDK -> JdkTransport.create(config.requestTimeout());
        };
    }

    private LoadTestResult runWith(HttpTransport transport) throws InterruptedException {
        LoadTestConfig config = this.config;
        Sessions sessions = new Sessions(config.auth(), config.uriOf(LoginAttempt.LOGIN_PATH), stop);
        PhaseRunner runner = new PhaseRunner(clock, transport, sessions, stop, config::uriOf, listener,
                config.threads());
        Instant startedAt = wallClock.instant();
        sessions.signInAll(config.users(), transport, SIGN_IN_PARALLELISM);
        List<LeftOutEndpoint> leftOut = List.of();
        if (MixProbe.needed(config.mix()) && !stop.isStopped()) {
            MixProbe.Fitted fitted = fit(config, sessions, transport);
            config = config.toBuilder().mix(fitted.mix()).build();
            leftOut = fitted.leftOut();
        }
        long thinkNanos = config.thinkTime().toNanos();
        if (config.warmup().isPositive()) {
            LoadProfile flat = new LoadProfile(config.users(), Duration.ZERO, config.warmup(), Duration.ZERO);
            runner.run(flat, config.mix(), thinkNanos, config.seed() + 1, Phase.WARMUP);
        }
        LoadProfile profile = new LoadProfile(config.users(), config.rampUp(), config.sustain(), config.rampDown());
        PhaseRunner.PhaseResult main = runner.run(profile, config.mix(), thinkNanos, config.seed(), null);
        double sustainThroughput = sustainThroughput(main);
        BaselineRatio ratio = null;
        ReferencePhase reference = config.reference();
        if (reference != null && reference.paired() && !stop.isStopped()) {
            ratio = PairedReference.measure(runner, config, stop);
        } else if (reference != null && !stop.isStopped()) {
            LoadProfile flat = new LoadProfile(config.users(), Duration.ZERO, reference.duration(), Duration.ZERO);
            EndpointMix bare = new EndpointMix(List.of(new WeightedEndpoint(reference.path(), 1)));
            PhaseRunner.PhaseResult ref = runner.run(flat, bare, thinkNanos, config.seed(), Phase.REFERENCE);
            ratio = BaselineRatio.of(reference.path(), main.overall(), sustainThroughput, ref.overall());
        }
        return new LoadTestResult(RunSettings.of(config).withLeftOut(leftOut), startedAt, wallClock.instant(), main.elapsed(),
                sustainThroughput, main.overall(), main.endpoints(), sessions.stats(), ratio, stop.isStopped(),
                main.timeline(), counts(main.service()));
    }

    /** How many values a histogram of microseconds holds at each of its recorded values. */
    private static NavigableMap<Long, Long> counts(Histogram micros) {
        NavigableMap<Long, Long> counts = new TreeMap<>();
        for (HistogramIterationValue value : micros.recordedValues()) {
            counts.put(value.getValueIteratedTo(), value.getCountAtValueIteratedTo());
        }
        return counts;
    }

    /** Fits an adaptive mix to the server with the first signed-in user's session (see {@link MixProbe}). */
    private static MixProbe.Fitted fit(LoadTestConfig config, Sessions sessions, HttpTransport transport)
            throws InterruptedException {
        String bearer = null;
        try (HttpTransport.UserClient client = transport.openUser()) {
            // The first user that signed in (a sign-in may have failed on a busy server).
            for (int user = 0; user < config.users() && bearer == null; user++) {
                bearer = sessions.sessionFor(user, client).map(Sessions.Session::bearer).orElse(null);
            }
        }
        return new MixProbe(config::uriOf, bearer, config.requestTimeout()).fit(config.mix());
    }

    /** Throughput over the intervals in which all users ran; the whole run's when there were none. */
    private static double sustainThroughput(PhaseRunner.PhaseResult main) {
        List<ProgressSnapshot> sustain = new ArrayList<>();
        for (ProgressSnapshot snapshot : main.timeline()) {
            if (snapshot.phase() == Phase.SUSTAIN) {
                sustain.add(snapshot);
            }
        }
        double seconds = sustain.stream().mapToDouble(ProgressSnapshot::intervalSeconds).sum();
        if (seconds < 1) {
            return main.overall().throughputRps();
        }
        return sustain.stream().mapToLong(ProgressSnapshot::intervalRequests).sum() / seconds;
    }

    /** Builds a {@link LoadTestEngine}. */
    public static final class Builder {
        private final LoadTestConfig config;
        private ProgressListener listener = ProgressListener.none();
        private NanoClock clock = NanoClock.system();
        private Clock wallClock = Clock.systemUTC();
        private HttpClient httpClient;

        private Builder(LoadTestConfig config) {
            this.config = Objects.requireNonNull(config, "config must not be null");
        }

        /**
         * Adds a progress listener; several listeners are called in the order added.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(ProgressListener value) {
            Objects.requireNonNull(value, "listener must not be null");
            ProgressListener previous = listener;
            listener = snapshot -> {
                previous.onProgress(snapshot);
                value.onProgress(snapshot);
            };
            return this;
        }

        /**
         * Sets the monotonic time source (default {@link NanoClock#system()}).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder nanoClock(NanoClock value) {
            this.clock = Objects.requireNonNull(value, "nanoClock must not be null");
            return this;
        }

        /**
         * Sets the wall clock for the start and end timestamps (default UTC system clock).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder wallClock(Clock value) {
            this.wallClock = Objects.requireNonNull(value, "wallClock must not be null");
            return this;
        }

        /**
         * Sends with a caller-owned JDK HTTP client (it is not closed by the engine) instead of the configured
         * transport.
         *
         * @param value the client
         * @return this builder
         */
        public Builder httpClient(HttpClient value) {
            this.httpClient = Objects.requireNonNull(value, "httpClient must not be null");
            return this;
        }

        /**
         * Builds the engine.
         *
         * @return the engine, ready to run once
         */
        public LoadTestEngine build() {
            return new LoadTestEngine(this);
        }
    }
}
