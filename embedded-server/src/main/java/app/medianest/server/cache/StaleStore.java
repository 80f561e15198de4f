package app.medianest.server.cache;

import com.github.benmanes.caffeine.cache.Cache;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The last good answer of an upstream call, per key, for circuit-breaker fallbacks: when Plex is down or its
 * breaker is open, the route answers with the stored value and {@code X-Cache: STALE} instead of 503.
 * Values live for the configured stale TTL ({@code cache.stale-ttl}, 24 h by default). While the
 * {@code stale-fallback} flag is off, failures are rethrown as they are.
 *
 * <pre>{@code
 * StaleStore.Answer<List<Library>> a = plexLibraries.call("libraries", () -> breaker.executeSupplier(plex::libraries));
 * if (a.stale()) ex.response().header("X-Cache", "STALE");
 * ex.ok(a.value());
 * }</pre>
 *
 * @param <V> stored values (immutable)
 */
public final class StaleStore<V> {
    /** A stored answer and when it was stored. */
    public record Stale<V>(V value, Instant storedAt) {
    }

    /** The result of {@link #call}: fresh, or the last good answer when the call failed. */
    public record Answer<V>(V value, boolean stale, Instant storedAt) {
    }

    private final Cache<String, Stale<V>> cache;
    private final BooleanSupplier enabled;
    private final Clock clock;

    StaleStore(Cache<String, Stale<V>> cache, BooleanSupplier enabled, Clock clock) {
        this.cache = cache;
        this.enabled = enabled;
        this.clock = clock;
    }

    /** Stores {@code value} as the last good answer of {@code key}. */
    public void remember(String key, V value) {
        if (value != null) {
            cache.put(key, new Stale<>(value, clock.instant()));
        }
    }

    /** The last good answer of {@code key}, if there is one and the fallback is on. */
    public Optional<Stale<V>> lastGood(String key) {
        return enabled.getAsBoolean() ? Optional.ofNullable(cache.getIfPresent(key)) : Optional.empty();
    }

    public void forget(String key) {
        cache.invalidate(key);
    }

    /** {@link #call(String, Supplier, Predicate)} falling back on any runtime exception. */
    public Answer<V> call(String key, Supplier<V> upstream) {
        return call(key, upstream, e -> true);
    }

    /**
     * Runs {@code upstream}; a success is remembered and returned fresh. A failure that {@code fallbackOn}
     * accepts returns the last good answer (stale) when there is one; otherwise the failure is rethrown.
     */
    public Answer<V> call(String key, Supplier<V> upstream, Predicate<RuntimeException> fallbackOn) {
        V fresh;
        try {
            fresh = upstream.get();
        } catch (RuntimeException e) {
            if (fallbackOn.test(e)) {
                Optional<Stale<V>> last = lastGood(key);
                if (last.isPresent()) {
                    return new Answer<>(last.get().value(), true, last.get().storedAt());
                }
            }
            throw e;
        }
        remember(key, fresh);
        return new Answer<>(fresh, false, clock.instant());
    }
}
