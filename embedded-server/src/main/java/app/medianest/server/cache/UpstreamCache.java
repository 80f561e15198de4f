package app.medianest.server.cache;

import app.medianest.server.resilience.CacheState;
import app.medianest.server.resilience.Cached;
import app.medianest.server.upstream.UpstreamException;
import com.github.benmanes.caffeine.cache.Cache;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Answers of one upstream (Plex, Overseerr): fresh answers cached for the service TTL
 * ({@code cache.ttl.service}), plus the last good answer of every key, kept for {@code cache.stale-ttl}, for when
 * the upstream fails: a failed load then answers with that last good value marked {@link CacheState#STALE}
 * instead of an error. 4xx answers (404) and "not configured" are never masked. Hot entries are reloaded in the
 * background ahead of expiry ({@link RefreshAhead}), so a reader waits for the upstream only on a cold or expired
 * key; a failed background reload changes nothing.
 *
 * <p>Two feature flags switch it: with {@code data-cache} off every call goes to the upstream
 * ({@link CacheState#BYPASS}) and the fresh entries are dropped; with {@code stale-fallback} off a failure is
 * passed on as it is. Built by {@link CacheFactory#upstreamCache}, which registers both halves (metrics, flush).
 */
public final class UpstreamCache {
    private final Cache<String, RefreshAhead.Stamped<Object>> fresh;
    private final Cache<String, Object> lastGood;
    private final RefreshAhead refresh;
    private final BooleanSupplier caching;
    private final BooleanSupplier fallback;
    private final AtomicLong generation = new AtomicLong();

    UpstreamCache(Cache<String, RefreshAhead.Stamped<Object>> fresh, Cache<String, Object> lastGood,
                  RefreshAhead refresh, BooleanSupplier caching, BooleanSupplier fallback) {
        this.fresh = fresh;
        this.lastGood = lastGood;
        this.refresh = refresh;
        this.caching = caching;
        this.fallback = fallback;
    }

    /** The fresh value of {@code key}, else {@code load}'s, else (when the upstream failed) the last good one. */
    @SuppressWarnings("unchecked")
    public <T> Cached<T> get(String key, Supplier<T> load) {
        boolean on = caching.getAsBoolean();
        if (on) {
            RefreshAhead.Stamped<Object> hit = fresh.getIfPresent(key);
            if (hit != null) {
                refresh.onHit(hit, () -> {
                    long seen = generation.get();
                    return () -> store(key, load.get(), seen);
                });
                return new Cached<>((T) hit.value(), CacheState.HIT);
            }
        }
        long seen = generation.get();
        try {
            T value = load.get();
            store(key, value, seen);
            return new Cached<>(value, on ? CacheState.MISS : CacheState.BYPASS);
        } catch (UpstreamException e) {
            Object old = masksFailure(e) && fallback.getAsBoolean() ? lastGood.getIfPresent(key) : null;
            if (old == null) {
                throw e;
            }
            return new Cached<>((T) old, CacheState.STALE);
        }
    }

    /**
     * Stores a loaded value unless {@link #invalidateAll} came after its load started; the fresh half only while
     * caching is on, the last good half always (so the fallback has it when it is switched on).
     */
    private void store(String key, Object value, long seen) {
        if (generation.get() == seen && value != null) {
            if (caching.getAsBoolean()) {
                fresh.put(key, refresh.stamp(value));
            }
            lastGood.put(key, value);
        }
    }

    /**
     * The fresh value of {@code key} or, failing that (and with the fallback on), its last good value, without
     * loading anything.
     */
    @SuppressWarnings("unchecked")
    public <T> Optional<Cached<T>> peek(String key) {
        RefreshAhead.Stamped<Object> hit = caching.getAsBoolean() ? fresh.getIfPresent(key) : null;
        if (hit != null) {
            return Optional.of(new Cached<>((T) hit.value(), CacheState.HIT));
        }
        Object old = fallback.getAsBoolean() ? lastGood.getIfPresent(key) : null;
        return old == null ? Optional.empty() : Optional.of(new Cached<>((T) old, CacheState.STALE));
    }

    /** Forgets the fresh answers (the last good ones stay for the fallback). */
    void invalidateFresh() {
        generation.incrementAndGet();
        fresh.invalidateAll();
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
