package app.medianest.server.cache;

import app.medianest.server.flags.FeatureFlags;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Builds every cache of the server the same way: expire after write with the TTL of its {@link CacheClass}
 * (or an explicit TTL), bounded size, statistics recorded, the injected {@link Ticker} (tests advance a fake
 * one), and registered by name in the {@link CacheRegistry}. Data caches also reload hot entries ahead of
 * expiry ({@link RefreshAhead}).
 *
 * <p>Typical use by a service built in {@code Components}:
 * <pre>{@code
 * DataCache<DashboardStats> stats = caches.dataCache("dashboard.stats", CacheClass.USER_DATA, flags.flag(DATA_CACHE));
 * DashboardStats s = stats.getForUser(userId, "stats", () -> loadFromDatabase(userId));
 * // after any write that changes them:
 * stats.invalidateUser(userId);
 * }</pre>
 */
public final class CacheFactory {
    private final CacheConfig config;
    private final Ticker ticker;
    private final CacheRegistry registry;
    private final Executor refresher;

    public CacheFactory(CacheConfig config, Ticker ticker, CacheRegistry registry) {
        this(config, ticker, registry, null);
    }

    /** With {@code refresher} running the data caches' background reloads (null: virtual threads). */
    public CacheFactory(CacheConfig config, Ticker ticker, CacheRegistry registry, Executor refresher) {
        this.config = config;
        this.ticker = ticker;
        this.registry = registry;
        this.refresher = refresher;
    }

    public CacheConfig config() {
        return config;
    }

    public CacheRegistry registry() {
        return registry;
    }

    /** A plain Caffeine cache of class {@code cls} with the default size bound, registered as {@code name}. */
    public <K, V> Cache<K, V> create(String name, CacheClass cls) {
        return create(name, config.ttl(cls), config.maxEntries());
    }

    /** A plain Caffeine cache with an explicit TTL and size bound, registered as {@code name}. */
    public <K, V> Cache<K, V> create(String name, Duration ttl, long maxSize) {
        Cache<K, V> cache = build(ttl, maxSize, null);
        registry.register(name, cache, ttl, maxSize);
        return cache;
    }

    /** A read-through data cache of class {@code cls}, switched by {@code flag}. */
    public <V> DataCache<V> dataCache(String name, CacheClass cls, FeatureFlags.Flag flag) {
        return dataCache(name, cls, flag, config.maxEntries());
    }

    /**
     * A read-through data cache of class {@code cls} holding at most {@code maxEntries} (for large values, such as
     * rendered pages, the default bound would let the cache outgrow the heap), switched by {@code flag}.
     */
    public <V> DataCache<V> dataCache(String name, CacheClass cls, FeatureFlags.Flag flag, int maxEntries) {
        Duration ttl = config.ttl(cls);
        ConcurrentStatsCounter counter = new ConcurrentStatsCounter();
        RefreshAhead refresh = RefreshAhead.of(ttl, ticker, refresher);
        DataCache<V> cache = new DataCache<>(build(ttl, maxEntries, counter), counter, flag::on, refresh);
        flag.onChange(on -> {
            if (!on) {
                cache.invalidateAll();
            }
        });
        registry.register(name, cache.caffeine(), ttl, maxEntries, flag::on, cache::invalidateAll);
        return cache;
    }

    /** A cache of serialized JSON responses of class {@code cls}, switched by {@code flag}. */
    public ResponseCache responseCache(String name, CacheClass cls, FeatureFlags.Flag flag) {
        return new ResponseCache(dataCache(name, cls, flag));
    }

    /**
     * A cache of serialized JSON responses of up to {@code largest} bytes each, bounded to {@link #LARGE_VALUES}
     * bytes in all (and never above the configured entry bound): a page of 100 requests is 33 KB, so the default
     * bound of entries alone would let such a cache outgrow the server's heap.
     */
    public ResponseCache largeResponseCache(String name, CacheClass cls, FeatureFlags.Flag flag, int largest) {
        return new ResponseCache(dataCache(name, cls, flag, largeEntries(largest)));
    }

    /** How many values of up to {@code largest} bytes fit {@link #LARGE_VALUES} (at least 16). */
    public int largeEntries(int largest) {
        return (int) Math.min(config.maxEntries(), Math.max(16, LARGE_VALUES / Math.max(1, largest)));
    }

    /** {@code entries}, or the configured bound on every cache's entries when that is lower. */
    public int atMost(int entries) {
        return (int) Math.min(config.maxEntries(), entries);
    }

    /** What each cache of large values (pages of lists) may hold in all: 8 MB. */
    public static final long LARGE_VALUES = 8L * 1024 * 1024;

    /**
     * The answer cache of one upstream, {@code name}: fresh answers for the {@link CacheClass#SERVICE_DATA} TTL
     * (switched by {@code caching}), last good answers for the stale TTL (used while {@code fallback} is on),
     * both registered ({@code name} and {@code name.last-good}), on a ticker that follows {@code clock}.
     */
    public UpstreamCache upstreamCache(String name, Clock clock, FeatureFlags.Flag caching,
                                       FeatureFlags.Flag fallback) {
        Ticker clockTicker = () -> clock.millis() * 1_000_000L;
        Duration ttl = config.ttl(CacheClass.SERVICE_DATA);
        Cache<String, RefreshAhead.Stamped<Object>> fresh = Caffeine.newBuilder().expireAfterWrite(ttl)
                .maximumSize(config.maxEntries()).ticker(clockTicker).recordStats().build();
        Cache<String, Object> lastGood = Caffeine.newBuilder().expireAfterWrite(config.staleTtl())
                .maximumSize(config.maxEntries()).ticker(clockTicker).recordStats().build();
        UpstreamCache cache = new UpstreamCache(fresh, lastGood, RefreshAhead.of(ttl, clockTicker, refresher),
                caching::on, fallback::on);
        caching.onChange(on -> {
            if (!on) {
                cache.invalidateFresh();
            }
        });
        registry.register(name, fresh, ttl, config.maxEntries(), caching::on, cache::invalidateFresh);
        registry.register(name + ".last-good", lastGood, config.staleTtl(), config.maxEntries(), fallback::on,
                cache::invalidateAll);
        return cache;
    }

    private <K, V> Cache<K, V> build(Duration ttl, long maxSize, StatsCounter counter) {
        Caffeine<Object, Object> b = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxSize).ticker(ticker);
        return (counter == null ? b.recordStats() : b.recordStats(() -> counter)).build();
    }
}
