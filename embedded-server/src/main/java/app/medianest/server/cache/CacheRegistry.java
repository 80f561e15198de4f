package app.medianest.server.cache;

import app.medianest.model.perf.CacheStats;
import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Every named cache of the process: binds its Micrometer metrics ({@code cache.gets}, {@code cache.evictions},
 * {@code cache.size}, {@code cache.load.duration}, tagged {@code cache=<name>}), reports its statistics for
 * the performance snapshot, and flushes one or all (the admin's {@code POST /api/v1/admin/cache/flush}).
 */
public final class CacheRegistry {
    /** A registered cache: how to read its statistics and how to flush it safely. */
    private record Registered(String name, Cache<?, ?> cache, Duration ttl, long maxSize, BooleanSupplier enabled,
                              Runnable flush) {
    }

    /** Hits and misses of every cache together since start. */
    public record Totals(long hits, long misses) {
    }

    private final MeterRegistry meters;
    private final Map<String, Registered> caches = new LinkedHashMap<>();

    public CacheRegistry(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * Registers {@code cache} under {@code name} (unique). {@code flush} is what a flush runs (a data cache
     * bumps its generation too); {@code enabled} reports its feature flag.
     */
    public synchronized void register(String name, Cache<?, ?> cache, Duration ttl, long maxSize,
                                      BooleanSupplier enabled, Runnable flush) {
        if (caches.containsKey(name)) {
            throw new IllegalStateException("cache registered twice: " + name);
        }
        caches.put(name, new Registered(name, cache, ttl, maxSize, enabled, flush));
        CaffeineCacheMetrics.monitor(meters, cache, name);
    }

    /** Registers a plain cache that is always on and is flushed with {@code invalidateAll}. */
    public void register(String name, Cache<?, ?> cache, Duration ttl, long maxSize) {
        register(name, cache, ttl, maxSize, () -> true, cache::invalidateAll);
    }

    /** Reports {@code name}'s on/off state from {@code enabled} (a cache whose owner follows a feature flag). */
    public synchronized void switchedBy(String name, BooleanSupplier enabled) {
        Registered r = caches.get(name);
        if (r == null) {
            throw new IllegalArgumentException("no cache " + name);
        }
        caches.put(name, new Registered(r.name(), r.cache(), r.ttl(), r.maxSize(), enabled, r.flush()));
    }

    public synchronized List<String> names() {
        return List.copyOf(caches.keySet());
    }

    /** Flushes the cache named {@code name}; false when there is none. */
    public boolean flush(String name) {
        Registered r;
        synchronized (this) {
            r = caches.get(name);
        }
        if (r == null) {
            return false;
        }
        r.flush().run();
        return true;
    }

    /** Flushes every cache. */
    public void flushAll() {
        List<Registered> all;
        synchronized (this) {
            all = List.copyOf(caches.values());
        }
        all.forEach(r -> r.flush().run());
    }

    /** Statistics of every cache, in registration order. */
    public List<CacheStats> stats() {
        List<Registered> all;
        synchronized (this) {
            all = List.copyOf(caches.values());
        }
        List<CacheStats> out = new ArrayList<>(all.size());
        for (Registered r : all) {
            var s = r.cache().stats();
            long lookups = s.hitCount() + s.missCount();
            out.add(new CacheStats(r.name(), r.ttl().toSeconds(), r.maxSize(), r.cache().estimatedSize(),
                    s.hitCount(), s.missCount(), lookups == 0 ? 0 : 100.0 * s.hitCount() / lookups,
                    s.evictionCount(), s.averageLoadPenalty() / 1e6, r.enabled().getAsBoolean()));
        }
        return out;
    }

    /** Hits and misses of all caches together. */
    public Totals totals() {
        long hits = 0;
        long misses = 0;
        for (CacheStats s : stats()) {
            hits += s.hits();
            misses += s.misses();
        }
        return new Totals(hits, misses);
    }
}
