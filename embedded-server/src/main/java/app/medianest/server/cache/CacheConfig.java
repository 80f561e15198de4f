package app.medianest.server.cache;

import app.medianest.server.config.Settings;
import app.medianest.server.config.SettingsCatalog;

import java.time.Duration;

/**
 * TTL per {@link CacheClass}, the default size bound, and how long a last good answer is kept.
 *
 * @param health     TTL of {@link CacheClass#HEALTH}
 * @param service    TTL of {@link CacheClass#SERVICE_DATA}
 * @param user       TTL of {@link CacheClass#USER_DATA}
 * @param statics    TTL of {@link CacheClass#STATIC}
 * @param maxEntries default size bound of a cache
 * @param staleTtl   how long {@link StaleStore} keeps a last good answer
 */
public record CacheConfig(Duration health, Duration service, Duration user, Duration statics, int maxEntries,
                          Duration staleTtl) {

    /** The strategy's values: 30 s, 120 s, 300 s, 3600 s; 10,000 entries; 24 h of stale answers. */
    public static CacheConfig defaults() {
        return new CacheConfig(Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(300),
                Duration.ofSeconds(3600), 10_000, Duration.ofHours(24));
    }

    /** Reads (and validates) the cache settings. */
    public static CacheConfig from(Settings s) {
        Duration min = Duration.ofSeconds(1);
        Duration max = Duration.ofDays(1);
        return new CacheConfig(s.duration(SettingsCatalog.CACHE_TTL_HEALTH, min, max),
                s.duration(SettingsCatalog.CACHE_TTL_SERVICE, min, max),
                s.duration(SettingsCatalog.CACHE_TTL_USER, min, max),
                s.duration(SettingsCatalog.CACHE_TTL_STATIC, min, max),
                s.integer(SettingsCatalog.CACHE_MAX_ENTRIES, 10, 10_000_000),
                s.duration(SettingsCatalog.CACHE_STALE_TTL, Duration.ofMinutes(1), Duration.ofDays(30)));
    }

    /** The TTL of {@code cls}. */
    public Duration ttl(CacheClass cls) {
        return switch (cls) {
            case HEALTH -> health;
            case SERVICE_DATA -> service;
            case USER_DATA -> user;
            case STATIC -> statics;
        };
    }
}
