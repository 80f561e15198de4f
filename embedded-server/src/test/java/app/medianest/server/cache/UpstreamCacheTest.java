package app.medianest.server.cache;

import app.medianest.server.flags.FeatureFlags;
import app.medianest.server.resilience.CacheState;
import app.medianest.server.resilience.Cached;
import app.medianest.server.settings.AppSettings;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.ManualClock;
import app.medianest.server.testing.QueuedExecutor;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.upstream.UpstreamException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Upstream answers as the factory builds them for Plex and Overseerr: TTL, refresh-ahead of hot keys, the last
 * good answer when the upstream fails, its own TTL, and the two feature flags.
 */
class UpstreamCacheTest {
    private static TestDatabase db;
    private final ManualClock clock = ManualClock.at("2026-11-01T12:00:00Z");
    private final QueuedExecutor reloads = new QueuedExecutor();
    private FeatureFlags flags;
    private CacheFactory factory;
    private UpstreamCache cache;
    private final AtomicInteger calls = new AtomicInteger();
    private final Supplier<String> upstream = () -> "libraries v" + calls.incrementAndGet();

    private static UpstreamException down() {
        return new UpstreamException("plex", UpstreamException.Kind.UNREACHABLE, 0, "connection refused", null);
    }

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.create(DbKind.H2);
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void freshCache() {
        db.truncateAll();
        flags = new FeatureFlags(new AppSettings(db.open().jdbc(), clock));
        flags.define(FeatureFlags.DATA_CACHE, "test", true);
        flags.define(FeatureFlags.STALE_FALLBACK, "test", true);
        factory = new CacheFactory(new CacheConfig(Duration.ofSeconds(60), Duration.ofSeconds(300), 100,
                Duration.ofMinutes(10)), clock, new CacheRegistry(new SimpleMeterRegistry()), reloads);
        cache = factory.upstreamCache("upstream.plex", clock, flags.flag(FeatureFlags.DATA_CACHE),
                flags.flag(FeatureFlags.STALE_FALLBACK));
    }

    @Test
    void aHotKeyIsReloadedInTheBackgroundAndNoReaderWaitsForTheUpstream() {
        assertEquals(new Cached<>("libraries v1", CacheState.MISS), cache.get("libraries", upstream));
        clock.advanceSeconds(47);
        assertEquals(new Cached<>("libraries v1", CacheState.HIT), cache.get("libraries", upstream));
        assertEquals(0, reloads.pending(), "nothing is reloaded before 48 s (four fifths of 60)");
        clock.advanceSeconds(2);
        assertEquals(new Cached<>("libraries v1", CacheState.HIT), cache.get("libraries", upstream));
        assertEquals(1, calls.get(), "the reader was answered without calling the upstream");
        cache.get("libraries", upstream);
        assertEquals(1, reloads.pending(), "one reload per entry");
        reloads.runAll();
        clock.advanceSeconds(30);   // 79 s: the first answer would have expired at 60 s
        assertEquals(new Cached<>("libraries v2", CacheState.HIT), cache.get("libraries", upstream));
        assertEquals(2, calls.get());
    }

    @Test
    void aFailedBackgroundReloadChangesNothingAndTheLastGoodAnswerStillCoversAnOutage() {
        cache.get("libraries", upstream);
        clock.advanceSeconds(50);
        assertEquals(new Cached<>("libraries v1", CacheState.HIT), cache.get("libraries", () -> {
            throw down();
        }));
        reloads.runAll();
        clock.advanceSeconds(5);
        assertEquals(new Cached<>("libraries v1", CacheState.HIT), cache.get("libraries", upstream),
                "still fresh after the failed reload");
        clock.advanceSeconds(10);
        assertEquals(new Cached<>("libraries v1", CacheState.STALE), cache.get("libraries", () -> {
            throw down();
        }), "expired on time; the outage is covered by the last good answer");
    }

    @Test
    void aReloadInFlightWhenTheUpstreamChangesIsNotStored() {
        cache.get("libraries", () -> "old server's");
        clock.advanceSeconds(50);
        cache.get("libraries", () -> "old server's, reloaded");
        cache.invalidateAll();   // the admin pointed MediaNest at another Plex server
        reloads.runAll();
        assertEquals(new Cached<>("new server's", CacheState.MISS), cache.get("libraries", () -> "new server's"));
        assertThrows(UpstreamException.class, () -> cache.get("other", () -> {
            throw down();
        }), "nothing to fall back on for a key never answered");
    }

    @Test
    void dataCacheOffSendsEveryCallToTheUpstreamAndOnAgainCachesAgain() {
        assertEquals(CacheState.MISS, cache.get("libraries", upstream).state());
        assertEquals(CacheState.HIT, cache.get("libraries", upstream).state());
        flags.set(Map.of(FeatureFlags.DATA_CACHE, false));
        assertEquals(new Cached<>("libraries v2", CacheState.BYPASS), cache.get("libraries", upstream));
        assertEquals(new Cached<>("libraries v3", CacheState.BYPASS), cache.get("libraries", upstream));
        flags.set(Map.of(FeatureFlags.DATA_CACHE, true));
        assertEquals(new Cached<>("libraries v4", CacheState.MISS), cache.get("libraries", upstream),
                "nothing cached while off is served after");
        assertEquals(new Cached<>("libraries v4", CacheState.HIT), cache.get("libraries", upstream));
        assertEquals(4, calls.get());
    }

    @Test
    void staleFallbackOffPassesTheFailureOnAndOnAgainCoversIt() {
        cache.get("libraries", upstream);
        clock.advanceSeconds(61);
        flags.set(Map.of(FeatureFlags.STALE_FALLBACK, false));
        assertThrows(UpstreamException.class, () -> cache.get("libraries", () -> {
            throw down();
        }));
        flags.set(Map.of(FeatureFlags.STALE_FALLBACK, true));
        assertEquals(new Cached<>("libraries v1", CacheState.STALE), cache.get("libraries", () -> {
            throw down();
        }));
    }

    @Test
    void theLastGoodAnswerIsKeptForTheStaleTtlAndBothHalvesAreRegistered() {
        cache.get("libraries", upstream);
        clock.advanceSeconds(9 * 60);
        assertEquals(CacheState.STALE, cache.get("libraries", () -> {
            throw down();
        }).state(), "within the 10 minutes of cache.stale-ttl");
        clock.advanceSeconds(61);
        assertThrows(UpstreamException.class, () -> cache.get("libraries", () -> {
            throw down();
        }), "past the stale TTL there is nothing left to fall back on");
        var names = factory.registry().stats().stream().map(s -> s.name()).toList();
        assertEquals(java.util.List.of("upstream.plex", "upstream.plex.last-good"), names);
        assertEquals(60, factory.registry().stats().get(0).ttlSeconds());
        assertEquals(600, factory.registry().stats().get(1).ttlSeconds());
    }
}
