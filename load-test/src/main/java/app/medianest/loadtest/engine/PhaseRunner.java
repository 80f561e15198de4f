package app.medianest.loadtest.engine;

import app.medianest.loadtest.config.EndpointMix;
import app.medianest.loadtest.config.WeightedEndpoint;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import app.medianest.loadtest.config.UserThreads;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * Runs one phase: starts one thread per user ({@link #userThreads}), or one {@link EventLoop} per core that runs
 * several users ({@link #eventLoops}), according to the {@link LoadProfile}; samples the metrics once per second on
 * the calling thread, and returns the phase's totals once every user has stopped.
 */
final class PhaseRunner {
    /** Up to this many users with think time, each runs on a platform thread (see {@link #userThreads}). */
    static final int PLATFORM_THREAD_USERS = 1_000;

    private static final System.Logger LOG = System.getLogger(PhaseRunner.class.getName());
    private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final NanoClock clock;
    private final HttpTransport transport;
    private final Sessions sessions;
    private final StopSignal stop;
    private final Function<String, URI> uriOf;
    private final ProgressListener listener;

    private final UserThreads threads;

    PhaseRunner(NanoClock clock, HttpTransport transport, Sessions sessions, StopSignal stop, Function<String, URI> uriOf,
            ProgressListener listener) {
        this(clock, transport, sessions, stop, uriOf, listener, UserThreads.AUTO);
    }

    PhaseRunner(NanoClock clock, HttpTransport transport, Sessions sessions, StopSignal stop, Function<String, URI> uriOf,
            ProgressListener listener, UserThreads threads) {
        this.threads = threads;
        this.clock = clock;
        this.transport = transport;
        this.sessions = sessions;
        this.stop = stop;
        this.uriOf = uriOf;
        this.listener = listener;
    }

    /**
     * Runs a phase to its end (or until the engine stops).
     *
     * @param profile    when users start and stop
     * @param mix        the endpoints
     * @param thinkNanos think time
     * @param seed       seed of the endpoint choices
     * @param fixedPhase the phase every snapshot is labelled with, or {@code null} to follow the profile
     * @return the phase's totals and timeline
     */
    PhaseResult run(LoadProfile profile, EndpointMix mix, long thinkNanos, long seed, Phase fixedPhase)
            throws InterruptedException {
        Map<String, URI> uris = new LinkedHashMap<>();
        for (WeightedEndpoint endpoint : mix.endpoints()) {
            uris.put(endpoint.path(), uriOf.apply(endpoint.path()));
        }
        long start = clock.nanoTime();
        RunMetrics metrics = new RunMetrics(List.copyOf(uris.keySet()), start);
        AtomicInteger active = new AtomicInteger();
        VirtualUser.Shared shared = new VirtualUser.Shared(clock, transport, sessions, stop, metrics, mix, Map.copyOf(uris),
                thinkNanos, active);
        List<ProgressSnapshot> timeline = new ArrayList<>();
        long end;
        LeanTransport loopTransport = eventLoops(threads, transport);
        try (ExecutorService users = loopTransport != null ? loopThreads() : userThreads(profile.users(), thinkNanos,
                threads)) {
            if (loopTransport != null) {
                List<EventLoop> loops = new ArrayList<>();
                for (int i = 0; i < EventLoop.threads(profile.users()); i++) {
                    loops.add(new EventLoop(shared, loopTransport, loopTransport.timeoutNanos()));
                }
                for (int user = 0; user < profile.users(); user++) {
                    loops.get(user % loops.size()).add(user, start + profile.startOffset(user).toNanos(),
                            start + profile.stopOffset(user).toNanos(), seed);
                }
                loops.forEach(users::execute);
            } else {
                for (int user = 0; user < profile.users(); user++) {
                    users.execute(new VirtualUser(user, start + profile.startOffset(user).toNanos(),
                            start + profile.stopOffset(user).toNanos(), seed, shared));
                }
            }
            users.shutdown();
            try {
                end = sampleUntilDone(users, profile, start, metrics, active, fixedPhase, timeline);
            } catch (InterruptedException e) {
                // Wake the users so that closing the executor does not wait for their planned stop times.
                stop.stop();
                throw e;
            }
        }
        double seconds = (end - start) / 1e9;
        return new PhaseResult(Duration.ofNanos(end - start), metrics.overallStats(seconds),
                metrics.endpointStats(seconds), timeline, metrics.overallResponse(),
                metrics.overallService());
    }

    /**
     * One thread per user, where event loops cannot run the users (the JDK client, HTTPS) or were not asked for.
     * With think time and up to {@value #PLATFORM_THREAD_USERS} users, a platform thread, so
     * that the end of a think time and the arrival of a response wake the user directly (a virtual thread is woken
     * through the timer thread or the I/O poller and then a carrier thread: two more hand-offs, measured as
     * 0.2-0.5 ms more at p50 and up to 2 ms more at p99 with 20 users and 1 s think time). Without think time
     * (saturation), virtual threads: every user is always busy, and a few carrier threads (one per core, like
     * wrk's event-loop threads) keep the generator from taking the operating system's time slices away from a
     * server on the same machine; 20 busy platform threads on 2 cores gave a service-time p99 of 8.5 ms, against
     * 4.4 ms. {@link UserThreads#PLATFORM} and {@link UserThreads#VIRTUAL} choose either always.
     */
    static ExecutorService userThreads(int users, long thinkNanos, UserThreads threads) {
        boolean platform = switch (threads) {
            case PLATFORM -> true;
            case VIRTUAL, LOOP -> false;
            case AUTO -> thinkNanos > 0 && users <= PLATFORM_THREAD_USERS;
        };
        return platform
                ? Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("medianest-user-", 0).daemon(true)
                        .stackSize(256 * 1024).factory())
                : Executors.newVirtualThreadPerTaskExecutor();
    }

    /**
     * The transport to run the users on {@link EventLoop}s with, or {@code null} for a thread per user
     * ({@link #userThreads}). Event loops by default, with or without think time: the lean client over plain HTTP
     * only.
     */
    static LeanTransport eventLoops(UserThreads threads, HttpTransport transport) {
        boolean wanted = threads == UserThreads.AUTO || threads == UserThreads.LOOP;
        return wanted && transport instanceof LeanTransport lean && lean.plain() ? lean : null;
    }

    private static ExecutorService loopThreads() {
        return Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("medianest-loop-", 0).daemon(true)
                .factory());
    }

    private long sampleUntilDone(ExecutorService users, LoadProfile profile, long start, RunMetrics metrics,
            AtomicInteger active, Phase fixedPhase, List<ProgressSnapshot> timeline) throws InterruptedException {
        long plannedEnd = start + profile.total().toNanos();
        long previous = start;
        long next = start + TICK_NANOS;
        while (true) {
            // The last planned tick waits up to one more second for in-flight requests, so the final interval is
            // not a sliver of a few milliseconds with a misleading throughput.
            long deadline = next >= plannedEnd ? next + TICK_NANOS : next;
            boolean done = users.awaitTermination(Math.max(0, deadline - clock.nanoTime()), TimeUnit.NANOSECONDS);
            long now = clock.nanoTime();
            Phase phase = fixedPhase != null ? fixedPhase
                    : profile.phaseAt(Duration.ofNanos((previous + now) / 2 - start));
            ProgressSnapshot snapshot = metrics.sample(phase, Duration.ofNanos(now - start), active.get(), now);
            timeline.add(snapshot);
            notifyListener(snapshot);
            if (done) {
                return now;
            }
            previous = now;
            while (next <= now) {
                next += TICK_NANOS;
            }
        }
    }

    private void notifyListener(ProgressSnapshot snapshot) {
        try {
            listener.onProgress(snapshot);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "progress listener failed; the run goes on", e);
        }
    }

    /**
     * A phase's totals.
     *
     * @param elapsed   measured length of the phase
     * @param overall   totals over all endpoints
     * @param endpoints totals per endpoint
     * @param timeline  per-second snapshots
     * @param response  response times over all endpoints, in microseconds
     * @param service   service times over all endpoints, in microseconds
     */
    record PhaseResult(Duration elapsed, EndpointStats overall, List<EndpointStats> endpoints,
            List<ProgressSnapshot> timeline, Histogram response, Histogram service) {
    }
}
