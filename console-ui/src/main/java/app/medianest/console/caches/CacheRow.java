package app.medianest.console.caches;

/**
 * One named cache's statistics.
 *
 * @param name      the cache (for flushing)
 * @param size      entries now
 * @param hitRate   hits since start, percent
 * @param hits      hits since start
 * @param misses    misses since start
 * @param evictions evictions since start
 * @param ttl       entry lifetime, for example {@code 300 s}
 * @param enabled   false while its feature flag is off
 */
public record CacheRow(String name, long size, String hitRate, long hits, long misses, long evictions, String ttl,
                       boolean enabled) {
}
