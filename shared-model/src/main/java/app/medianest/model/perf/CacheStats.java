package app.medianest.model.perf;

/**
 * One named cache.
 *
 * @param name       the cache's name (for {@code POST /api/v1/admin/cache/flush})
 * @param ttlSeconds how long an entry lives
 * @param maxSize    size bound
 * @param size       entries now (approximate)
 * @param hits       hits since start
 * @param misses     misses since start
 * @param hitRate    hits / lookups since start, in percent (0 without lookups)
 * @param evictions  entries evicted for size or age since start
 * @param loadMeanMs mean time of a load on a miss
 * @param enabled    false while the cache's feature flag is off
 */
public record CacheStats(String name, long ttlSeconds, long maxSize, long size, long hits, long misses,
                         double hitRate, long evictions, double loadMeanMs, boolean enabled) {
}
