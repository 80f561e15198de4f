package app.medianest.server.resilience;

import app.medianest.server.upstream.UpstreamException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Upstream answers cached for a short time, plus the last good answer of every key kept (size-bounded, without
 * expiry) for when the upstream fails: a failed load answers with that last good value marked
 * {@link CacheState#STALE} instead of an error. 4xx answers (404) and "not configured" are never masked.
 */
public final class StaleCache {
    private final Cache<String, Object> fresh;
    private final Cache<String, Object> lastGood;

    public StaleCache(Duration ttl, int maxEntries, Clock clock) {
        Ticker ticker = () -> clock.millis() * 1_000_000L;
        this.fresh = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).ticker(ticker).build();
        this.lastGood = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    /** The fresh value of {@code key}, else {@code load}'s, else (when the upstream failed) the last good one. */
    @SuppressWarnings("unchecked")
    public <T> Cached<T> get(String key, Supplier<T> load) {
        Object hit = fresh.getIfPresent(key);
        if (hit != null) {
            return new Cached<>((T) hit, CacheState.HIT);
        }
        try {
            T value = load.get();
            fresh.put(key, value);
            lastGood.put(key, value);
            return new Cached<>(value, CacheState.MISS);
        } catch (UpstreamException e) {
            Object old = masksFailure(e) ? lastGood.getIfPresent(key) : null;
            if (old == null) {
                throw e;
            }
            return new Cached<>((T) old, CacheState.STALE);
        }
    }

    /** The fresh value of {@code key} or, failing that, its last good value, without loading anything. */
    @SuppressWarnings("unchecked")
    public <T> Optional<Cached<T>> peek(String key) {
        Object hit = fresh.getIfPresent(key);
        if (hit != null) {
            return Optional.of(new Cached<>((T) hit, CacheState.HIT));
        }
        Object old = lastGood.getIfPresent(key);
        return old == null ? Optional.empty() : Optional.of(new Cached<>((T) old, CacheState.STALE));
    }

    /** Forgets everything, e.g. after the upstream's address changed. */
    public void invalidateAll() {
        fresh.invalidateAll();
        lastGood.invalidateAll();
    }

    private static boolean masksFailure(UpstreamException e) {
        return e.kind() != UpstreamException.Kind.CLIENT_ERROR && e.kind() != UpstreamException.Kind.NOT_CONFIGURED;
    }
}
