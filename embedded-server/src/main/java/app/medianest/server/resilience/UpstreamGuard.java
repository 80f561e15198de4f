package app.medianest.server.resilience;

import app.medianest.server.upstream.UpstreamException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

import java.util.function.Supplier;

/**
 * Runs calls to one upstream behind its circuit breaker and bulkhead (and, for idempotent reads, its retry
 * policy). An open breaker or a full bulkhead fails at once with an {@link UpstreamException} of kind
 * {@code OPEN_BREAKER} or {@code BUSY}; the breaker itself never sees bulkhead refusals.
 */
public final class UpstreamGuard {
    private final String name;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final Retry retry;

    UpstreamGuard(String name, CircuitBreaker breaker, Bulkhead bulkhead, Retry retry) {
        this.name = name;
        this.breaker = breaker;
        this.bulkhead = bulkhead;
        this.retry = retry;
    }

    public String name() {
        return name;
    }

    /** An idempotent read: retried with exponential backoff and jitter on refused connections and 5xx answers. */
    public <T> T read(Supplier<T> call) {
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(breaker, Bulkhead.decorateSupplier(bulkhead, call));
        return translate(Retry.decorateSupplier(retry, guarded));
    }

    /** A call that changes something upstream: breaker and bulkhead, never retried here. */
    public <T> T write(Supplier<T> call) {
        return translate(CircuitBreaker.decorateSupplier(breaker, Bulkhead.decorateSupplier(bulkhead, call)));
    }

    /** Whether the breaker currently lets calls through (closed, or half-open with a free probe slot). */
    public boolean callPermitted() {
        CircuitBreaker.State state = breaker.getState();
        return state == CircuitBreaker.State.CLOSED || state == CircuitBreaker.State.HALF_OPEN
                || state == CircuitBreaker.State.DISABLED;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    Bulkhead bulkhead() {
        return bulkhead;
    }

    private <T> T translate(Supplier<T> call) {
        try {
            return call.get();
        } catch (CallNotPermittedException e) {
            throw new UpstreamException(name, UpstreamException.Kind.OPEN_BREAKER, 0,
                    name + " is unavailable (its circuit breaker is open)", e);
        } catch (BulkheadFullException e) {
            throw new UpstreamException(name, UpstreamException.Kind.BUSY, 0,
                    name + " is busy: too many calls to it are in flight", e);
        }
    }
}
