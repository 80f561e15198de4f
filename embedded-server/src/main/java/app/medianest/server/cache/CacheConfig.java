package app.medianest.server.cache;

import app.medianest.server.config.Settings;
import app.medianest.server.config.SettingsCatalog;

import java.time.Duration;

/**
 * TTL per {@link CacheClass}, the default size bound, and how long a last good upstream answer is kept.
 *
 * @param service    TTL of {@link CacheClass#SERVICE_DATA} ({@code cache.ttl.service}; 0 caches nothing)
 * @param user       TTL of {@link CacheClass#USER_DATA} ({@code cache.ttl.user})
 * @param maxEntries default size bound of a cache
 * @param staleTtl   how long an {@link UpstreamCache} keeps a last good answer ({@code cache.stale-ttl})
 */
public record CacheConfig(Duration service, Duration user, int maxEntries, Duration staleTtl) {

    /** The strategy's values: 120 s, 300 s; 10,000 entries; 24 h of stale answers. */
    public static CacheConfig defaults() {
        return new CacheConfig(Duration.ofSeconds(120), Duration.ofSeconds(300), 10_000, Duration.ofHours(24));
    }

    /** Reads (and validates) the cache settings. */
    public static CacheConfig from(Settings s) {
        Duration max = Duration.ofDays(1);
        return new CacheConfig(s.duration(SettingsCatalog.CACHE_TTL_SERVICE, Duration.ZERO, max),
                s.duration(SettingsCatalog.CACHE_TTL_USER, Duration.ofSeconds(1), max),
                s.integer(SettingsCatalog.CACHE_MAX_ENTRIES, 10, 10_000_000),
                s.duration(SettingsCatalog.CACHE_STALE_TTL, Duration.ofMinutes(1), Duration.ofDays(30)));
    }

    /** The TTL of {@code cls}. */
    public Duration ttl(CacheClass cls) {
        return switch (cls) {
            case SERVICE_DATA -> service;
            case USER_DATA -> user;
        };
    }
}
