/**
 * Caffeine caches with the strategy's TTL classes: {@link app.medianest.server.cache.CacheFactory} builds them
 * (size-bounded, statistics on, injected {@link com.github.benmanes.caffeine.cache.Ticker}),
 * {@link app.medianest.server.cache.CacheRegistry} names them, binds their metrics and flushes them;
 * {@link app.medianest.server.cache.DataCache} is the read-through cache with invalidation that never lets a
 * read after a write see the old value; {@link app.medianest.server.cache.ResponseCache} caches serialized
 * JSON responses with ETags; {@link app.medianest.server.cache.UpstreamCache} caches upstream answers and keeps
 * the last good one of each for circuit-breaker fallbacks.
 */
package app.medianest.server.cache;
