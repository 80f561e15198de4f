package app.medianest.server.resilience;

import app.medianest.model.perf.BreakerState;
import app.medianest.model.services.CircuitBreakerView;
import app.medianest.server.upstream.BreakerTransition;
import app.medianest.server.upstream.ServiceEvents;
import app.medianest.server.upstream.UpstreamException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * One circuit breaker, bulkhead and retry policy per upstream, built from {@link ResilienceSettings}. Breakers
 * count timeouts, refused connections, 5xx answers and unreadable bodies as failures, and any answer (including
 * 4xx such as 404) as a success. Transitions are logged and passed to {@link ServiceEvents}.
 */
public final class Resilience implements BreakerStatsSource {
    /** The upstreams MediaNest calls; their breakers exist from the start. */
    public static final List<String> UPSTREAMS = List.of("plex", "overseerr", "uptime-kuma", "youtube", "plex-tv");
    private static final System.Logger LOG = System.getLogger(Resilience.class.getName());

    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final RetryConfig retryConfig;
    private final Clock clock;
    private final ServiceEvents events;
    private final Map<String, UpstreamGuard> guards = new ConcurrentHashMap<>();
    private volatile Predicate<String> configured = name -> true;

    public Resilience(ResilienceSettings s, Clock clock, ServiceEvents events) {
        this.clock = clock;
        this.events = events;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindow(s.minimumCalls(), s.minimumCalls(), CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(s.failureRate())
                .waitDurationInOpenState(s.openDuration())
                .permittedNumberOfCallsInHalfOpenState(s.halfOpenCalls())
                .recordException(Resilience::isFailure)
                .ignoreException(t -> t instanceof BulkheadFullException
                        || t instanceof UpstreamException u && u.kind() == UpstreamException.Kind.NOT_CONFIGURED)
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(s.maxConcurrentCalls())
                .maxWaitDuration(ResilienceSettings.BULKHEAD_WAIT)
                .writableStackTraceEnabled(false)
                .build());
        this.retryConfig = RetryConfig.custom()
                .maxAttempts(s.retryAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(s.retryBackoff(), 2.0, 0.5))
                .retryOnException(Resilience::isRetryable)
                .build();
        UPSTREAMS.forEach(this::guard);
    }

    /** The guard of one upstream (created on first use for names outside {@link #UPSTREAMS}). */
    public UpstreamGuard guard(String upstream) {
        return guards.computeIfAbsent(upstream, this::create);
    }

    /** Which upstreams have an address: the others' breakers are reported {@link BreakerState#NOT_CONFIGURED}. */
    public void configuredBy(Predicate<String> configured) {
        this.configured = configured;
    }

    /** The underlying registries, for the metrics binders. */
    public CircuitBreakerRegistry circuitBreakerRegistry() {
        return breakers;
    }

    public BulkheadRegistry bulkheadRegistry() {
        return bulkheads;
    }

    @Override
    public List<CircuitBreakerView> breakers() {
        return guards.values().stream().sorted(Comparator.comparing(UpstreamGuard::name)).map(this::view)
                .toList();
    }

    /** Closes one breaker and clears its window; empty when no upstream has that name. */
    public Optional<CircuitBreakerView> reset(String upstream) {
        UpstreamGuard guard = guards.get(upstream);
        if (guard == null) {
            return Optional.empty();
        }
        guard.breaker().reset();
        LOG.log(System.Logger.Level.INFO, "Circuit breaker {0} reset", upstream);
        return Optional.of(view(guard));
    }

    private UpstreamGuard create(String name) {
        CircuitBreaker breaker = breakers.circuitBreaker(name);
        breaker.getEventPublisher().onStateTransition(this::onTransition);
        Bulkhead bulkhead = bulkheads.bulkhead(name);
        return new UpstreamGuard(name, breaker, bulkhead, Retry.of(name, retryConfig));
    }

    private void onTransition(CircuitBreakerOnStateTransitionEvent e) {
        String from = wire(e.getStateTransition().getFromState());
        String to = wire(e.getStateTransition().getToState());
        LOG.log(to.equals("open") ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                "Circuit breaker {0}: {1} -> {2}", e.getCircuitBreakerName(), from, to);
        try {
            events.breakerTransition(new BreakerTransition(e.getCircuitBreakerName(), from, to, clock.instant()));
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "A breaker transition listener failed", ex);
        }
    }

    private CircuitBreakerView view(UpstreamGuard g) {
        CircuitBreaker.Metrics m = g.breaker().getMetrics();
        float rate = m.getFailureRate();
        Bulkhead.Metrics b = g.bulkhead().getMetrics();
        BreakerState state = configured.test(g.name()) ? state(g.breaker().getState()) : BreakerState.NOT_CONFIGURED;
        return new CircuitBreakerView(g.name(), state, rate < 0 ? null : rate,
                m.getNumberOfBufferedCalls(), m.getNumberOfFailedCalls(), m.getNumberOfNotPermittedCalls(),
                b.getMaxAllowedConcurrentCalls() - b.getAvailableConcurrentCalls(), b.getMaxAllowedConcurrentCalls());
    }

    static String wire(CircuitBreaker.State state) {
        return state(state).wire();
    }

    /** resilience4j's state as the API's enum (the names are the same). */
    public static BreakerState state(CircuitBreaker.State state) {
        return BreakerState.valueOf(state.name());
    }

    private static boolean isFailure(Throwable t) {
        return t instanceof UpstreamException u && u.countsAsFailure();
    }

    /** Refused connections, 5xx answers and broken bodies are worth another try; timeouts are not (they cost). */
    private static boolean isRetryable(Throwable t) {
        return t instanceof UpstreamException u && (u.kind() == UpstreamException.Kind.UNREACHABLE
                || u.kind() == UpstreamException.Kind.SERVER_ERROR || u.kind() == UpstreamException.Kind.BAD_RESPONSE);
    }
}
