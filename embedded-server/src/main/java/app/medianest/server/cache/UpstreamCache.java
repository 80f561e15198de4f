package app.medianest.server.resilience;

import app.medianest.server.cache.RefreshAhead;
import app.medianest.server.upstream.UpstreamException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Upstream answers cached for a short time, plus the last good answer of every key kept (size-bounded, without
 * expiry) for when the upstream fails: a failed load answers with that last good value marked
 * {@link CacheState#STALE} instead of an error. 4xx answers (404) and "not configured" are never masked. Hot
 * entries are reloaded in the background ahead of expiry ({@link RefreshAhead}), so a reader waits for the
 * upstream only on a cold or expired key; a failed background reload changes nothing.
 */
public final class StaleCache {
    private final Cache<String, RefreshAhead.Stamped<Object>> fresh;
    private final Cache<String, Object> lastGood;
    private final RefreshAhead refresh;
    private final AtomicLong generation = new AtomicLong();

    public StaleCache(Duration ttl, int maxEntries, Clock clock) {
        this(ttl, maxEntries, clock, null);
    }

    /** With {@code refresher} running the background reloads of hot entries (null: virtual threads). */
    public StaleCache(Duration ttl, int maxEntries, Clock clock, Executor refresher) {
        Ticker ticker = () -> clock.millis() * 1_000_000L;
        this.fresh = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).ticker(ticker).build();
        this.lastGood = Caffeine.newBuilder().maximumSize(maxEntries).build();
        this.refresh = RefreshAhead.of(ttl, ticker, refresher);
    }

    /** The fresh value of {@code key}, else {@code load}'s, else (when the upstream failed) the last good one. */
    @SuppressWarnings("unchecked")
    public <T> Cached<T> get(String key, Supplier<T> load) {
        RefreshAhead.Stamped<Object> hit = fresh.getIfPresent(key);
        if (hit != null) {
            refresh.onHit(hit, () -> {
                long seen = generation.get();
                return () -> store(key, load.get(), seen);
            });
            return new Cached<>((T) hit.value(), CacheState.HIT);
        }
        long seen = generation.get();
        try {
            T value = load.get();
            store(key, value, seen);
            return new Cached<>(value, CacheState.MISS);
        } catch (UpstreamException e) {
            Object old = masksFailure(e) ? lastGood.getIfPresent(key) : null;
            if (old == null) {
                throw e;
            }
            return new Cached<>((T) old, CacheState.STALE);
        }
    }

    /** Stores a loaded value unless {@link #invalidateAll} came after its load started. */
    private void store(String key, Object value, long seen) {
        if (generation.get() == seen) {
            fresh.put(key, refresh.stamp(value));
            lastGood.put(key, value);
        }
    }

    /** The fresh value of {@code key} or, failing that, its last good value, without loading anything. */
    @SuppressWarnings("unchecked")
    public <T> Optional<Cached<T>> peek(String key) {
        RefreshAhead.Stamped<Object> hit = fresh.getIfPresent(key);
        if (hit != null) {
            return Optional.of(new Cached<>((T) hit.value(), CacheState.HIT));
        }
        Object old = lastGood.getIfPresent(key);
        return old == null ? Optional.empty() : Optional.of(new Cached<>((T) old, CacheState.STALE));
    }

    /** Forgets everything, e.g. after the upstream's address changed. */
    public void invalidateAll() {
        generation.incrementAndGet();
        fresh.invalidateAll();
        lastGood.invalidateAll();
    }

    private static boolean masksFailure(UpstreamException e) {
        return e.kind() != UpstreamException.Kind.CLIENT_ERROR && e.kind() != UpstreamException.Kind.NOT_CONFIGURED;
    }
}
