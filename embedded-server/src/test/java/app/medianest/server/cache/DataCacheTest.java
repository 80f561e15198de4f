package app.medianest.server.cache;

import app.medianest.server.flags.FeatureFlags;
import app.medianest.server.settings.AppSettings;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.ManualClock;
import app.medianest.server.testing.QueuedExecutor;
import app.medianest.server.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache factory's caches: TTL classes on a fake ticker, per-user isolation, invalidation, statistics. */
class DataCacheTest {
    private static TestDatabase db;
    private FeatureFlags flags;
    private ManualClock clock;
    private CacheFactory factory;
    private SimpleMeterRegistry meters;
    private FeatureFlags.Flag flag;
    /** Background reloads started by refresh-ahead, run when a test says so. */
    private final QueuedExecutor reloads = new QueuedExecutor();

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.create(DbKind.H2);
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void freshFactory() {
        db.truncateAll();
        clock = ManualClock.at("2026-11-01T12:00:00Z");
        meters = new SimpleMeterRegistry();
        // Service data for 30 s (the setting's smallest useful value keeps the clock steps short), users' for 300 s.
        factory = new CacheFactory(new CacheConfig(Duration.ofSeconds(30), Duration.ofSeconds(300), 10_000,
                Duration.ofHours(24)), clock, new CacheRegistry(meters), reloads);
        flags = new FeatureFlags(new AppSettings(db.open().jdbc(), clock));
        flag = flags.define("data-cache", "test", true);
    }

    @Test
    void entriesLiveForTheirClassTtl() {
        DataCache<String> health = factory.dataCache("health", CacheClass.SERVICE_DATA, flag);
        DataCache<String> user = factory.dataCache("user", CacheClass.USER_DATA, flag);
        AtomicInteger loads = new AtomicInteger();
        UUID me = UUID.randomUUID();
        health.get("status", () -> "v" + loads.incrementAndGet());
        user.getForUser(me, "stats", () -> "u" + loads.incrementAndGet());
        clock.advanceSeconds(29);
        assertEquals("v1", health.get("status", () -> "v" + loads.incrementAndGet()));
        clock.advanceSeconds(2);
        assertEquals("v3", health.get("status", () -> "v" + loads.incrementAndGet()), "30 s TTL passed");
        assertEquals("u2", user.getForUser(me, "stats", () -> "u" + loads.incrementAndGet()), "300 s not yet");
        clock.advanceSeconds(300);
        assertEquals("u4", user.getForUser(me, "stats", () -> "u" + loads.incrementAndGet()));
    }

    @Test
    void ttlClassesFollowTheSettings() {
        CacheConfig c = CacheConfig.defaults();
        assertEquals(Duration.ofSeconds(120), c.ttl(CacheClass.SERVICE_DATA));
        assertEquals(Duration.ofSeconds(300), c.ttl(CacheClass.USER_DATA));
        assertEquals(Duration.ofHours(24), c.staleTtl());
        CacheConfig custom = CacheConfig.from(app.medianest.server.config.Settings.of(java.util.Map.of(
                "cache.ttl.service", "45s", "cache.max-entries", "500")));
        assertEquals(Duration.ofSeconds(45), custom.ttl(CacheClass.SERVICE_DATA));
        assertEquals(500, custom.maxEntries());
        assertEquals(Duration.ZERO, CacheConfig.from(app.medianest.server.config.Settings.of(java.util.Map.of(
                "cache.ttl.service", "0s"))).service(), "0s: upstream answers are not cached");
        assertThrows(app.medianest.server.config.ConfigException.class, () -> CacheConfig.from(
                app.medianest.server.config.Settings.of(java.util.Map.of("cache.ttl.user", "forever"))));
    }

    @Test
    void aCacheOfLargePagesStaysWithinEightMegabytes() {
        assertEquals(240, factory.largeEntries(34 * 1024), "pages of 100 requests: 240 of them in 8 MB");
        ResponseCache pages = factory.largeResponseCache("pages", CacheClass.USER_DATA, flag, 34 * 1024);
        @SuppressWarnings("unchecked")
        DataCache<Object> entries = (DataCache<Object>) pages.entries();
        for (int i = 0; i < 1_000; i++) {
            entries.get("page-" + i, () -> new byte[34 * 1024]);
        }
        entries.caffeine().cleanUp();
        assertTrue(entries.size() <= 240, "1,000 pages read, " + entries.size() + " kept");
        CacheFactory small = new CacheFactory(new CacheConfig(Duration.ofSeconds(30), Duration.ofSeconds(300), 50,
                Duration.ofHours(24)), clock, new CacheRegistry(meters), reloads);
        assertEquals(50, small.largeEntries(34 * 1024), "MEDIANEST_CACHE_MAX_ENTRIES still bounds it when lower");
    }

    @Test
    void oneUserNeverSeesAnotherUsersEntry() {
        DataCache<String> cache = factory.dataCache("dash", CacheClass.USER_DATA, flag);
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        assertEquals("alice's", cache.getForUser(alice, "stats", () -> "alice's"));
        assertEquals("bob's", cache.getForUser(bob, "stats", () -> "bob's"));
        assertEquals("alice's", cache.getForUser(alice, "stats", () -> "reloaded"));
        assertEquals("shared", cache.get("stats", () -> "shared"), "a shared key is separate from users' keys");
    }

    @Test
    void invalidationByKeyPrefixUserAndAll() {
        DataCache<String> cache = factory.dataCache("plex", CacheClass.SERVICE_DATA, flag);
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        cache.get("plex.libraries", () -> "L1");
        cache.get("plex.items.1", () -> "I1");
        cache.get("other", () -> "O1");
        cache.getForUser(alice, "plex.mine", () -> "A1");
        cache.getForUser(bob, "plex.mine", () -> "B1");

        cache.invalidate("other");
        assertEquals("O2", cache.get("other", () -> "O2"));
        cache.invalidatePrefix("plex.");
        assertEquals("L2", cache.get("plex.libraries", () -> "L2"));
        assertEquals("I2", cache.get("plex.items.1", () -> "I2"));
        assertEquals("A2", cache.getForUser(alice, "plex.mine", () -> "A2"), "prefix covers per-user keys");
        assertEquals("O2", cache.get("other", () -> "O3"));
        cache.invalidateUser(alice);
        assertEquals("A3", cache.getForUser(alice, "plex.mine", () -> "A3"));
        assertEquals("B2", cache.getForUser(bob, "plex.mine", () -> "B2"), "bob's was dropped by the prefix");
        cache.invalidateForUser(bob, "plex.mine");
        assertEquals("B3", cache.getForUser(bob, "plex.mine", () -> "B3"));
        assertEquals("A3", cache.getForUser(alice, "plex.mine", () -> "A4"));
        cache.invalidateAll();
        assertEquals(0, cache.size());
    }

    @Test
    void aLoadThatStartedBeforeAWriteIsNeverStored() throws Exception {
        DataCache<String> cache = factory.dataCache("race", CacheClass.USER_DATA, flag);
        UUID user = UUID.randomUUID();
        AtomicReference<String> database = new AtomicReference<>("old");
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        CompletableFuture<String> slowReader = CompletableFuture.supplyAsync(() -> cache.getForUser(user, "k", () -> {
            String read = database.get();
            loading.countDown();
            await(written);
            return read;
        }));
        assertTrue(loading.await(5, TimeUnit.SECONDS));
        database.set("new");
        cache.invalidateUser(user);
        written.countDown();
        assertEquals("old", slowReader.get(5, TimeUnit.SECONDS), "the racing reader itself got what it read");
        assertEquals("new", cache.getForUser(user, "k", database::get), "but the old value was not cached");
        assertEquals("new", cache.getForUser(user, "k", () -> "never loaded"));
    }

    @Test
    void aHotEntryIsReloadedInTheBackgroundSoItNeverExpiresUnderReads() {
        DataCache<String> cache = factory.dataCache("health", CacheClass.SERVICE_DATA, flag);   // 30 s: reload from 24 s
        DataCache.Key key = new DataCache.Key(null, "status");
        AtomicInteger loads = new AtomicInteger();
        Supplier<String> loader = () -> "v" + loads.incrementAndGet();
        assertEquals("v1", cache.get("status", loader));
        clock.advanceSeconds(23);
        assertEquals("v1", cache.get("status", loader));
        assertEquals(0, reloads.pending(), "nothing is reloaded before four fifths of the TTL");

        clock.advanceSeconds(2);
        DataCache.Lookup<String> due = cache.fetch(key, loader);
        assertEquals("v1", due.value(), "the reader is answered from the cache at once");
        assertEquals(DataCache.Served.HIT, due.served());
        assertEquals(1, loads.get(), "the reader did not wait for a load");
        cache.get("status", loader);
        assertEquals(1, reloads.pending(), "one reload per entry, however many reads");

        reloads.runAll();
        assertEquals(2, loads.get());
        clock.advanceSeconds(10);   // 35 s: the first load would have expired at 30 s
        DataCache.Lookup<String> later = cache.fetch(key, loader);
        assertEquals("v2", later.value());
        assertEquals(DataCache.Served.HIT, later.served());
        assertEquals(2, loads.get());
    }

    @Test
    void aBackgroundReloadThatRacesAWriteIsNeverStored() {
        DataCache<String> cache = factory.dataCache("dash", CacheClass.USER_DATA, flag);   // 300 s: reload from 240 s
        UUID me = UUID.randomUUID();
        cache.getForUser(me, "stats", () -> "before");
        clock.advanceSeconds(250);
        assertEquals("before", cache.getForUser(me, "stats", () -> "read before the write"));
        assertEquals(1, reloads.pending());
        cache.invalidateUser(me);   // the write lands while the reload is in flight
        reloads.runAll();
        assertEquals("after the write", cache.getForUser(me, "stats", () -> "after the write"));
    }

    @Test
    void aFailedBackgroundReloadLeavesTheEntryToExpireOnTime() {
        DataCache<String> cache = factory.dataCache("health", CacheClass.SERVICE_DATA, flag);
        cache.get("status", () -> "v1");
        clock.advanceSeconds(25);
        assertEquals("v1", cache.get("status", () -> {
            throw new IllegalStateException("database down");
        }));
        reloads.runAll();   // fails; logged, nothing else
        clock.advanceSeconds(4);
        assertEquals("v1", cache.get("status", () -> "not loaded: still fresh"));
        assertEquals(0, reloads.pending(), "a failed reload is not retried on every read");
        clock.advanceSeconds(2);
        assertEquals("v2", cache.get("status", () -> "v2"), "expired at 30 s like any entry");
    }


    @Test
    void flagOffBypassesAndEmptiesTheCache() {
        DataCache<String> cache = factory.dataCache("flagged", CacheClass.USER_DATA, flag);
        AtomicInteger loads = new AtomicInteger();
        cache.get("k", () -> "v" + loads.incrementAndGet());
        cache.get("k", () -> "v" + loads.incrementAndGet());
        assertEquals(1, loads.get());
        flags.set(java.util.Map.of("data-cache", false));
        assertEquals(0, cache.size(), "switching off empties it");
        cache.get("k", () -> "v" + loads.incrementAndGet());
        cache.get("k", () -> "v" + loads.incrementAndGet());
        assertEquals(3, loads.get(), "every call loads while off");
        flags.set(java.util.Map.of("data-cache", true));
        cache.get("k", () -> "v" + loads.incrementAndGet());
        cache.get("k", () -> "v" + loads.incrementAndGet());
        assertEquals(4, loads.get());
    }

    @Test
    void statisticsCountHitsMissesEvictionsAndLoadTime() {
        DataCache<String> cache = factory.dataCache("stats", CacheClass.SERVICE_DATA, flag);
        cache.get("a", () -> "1");
        cache.get("a", () -> "1");
        cache.get("a", () -> "1");
        cache.get("b", () -> "2");
        var s = factory.registry().stats().stream().filter(c -> c.name().equals("stats")).findFirst().orElseThrow();
        assertEquals(2, s.hits());
        assertEquals(2, s.misses());
        assertEquals(50.0, s.hitRate());
        assertEquals(30, s.ttlSeconds());
        assertTrue(s.loadMeanMs() >= 0);
        assertEquals(2.0, meters.get("cache.gets").tags("cache", "stats", "result", "hit").functionCounter().count());
        assertEquals(2.0, meters.get("cache.gets").tags("cache", "stats", "result", "miss").functionCounter().count());
        assertTrue(factory.registry().flush("stats"));
        assertFalse(factory.registry().flush("nope"));
        assertEquals(0, cache.size());
    }

    @Test
    void aNameCanBeRegisteredOnlyOnce() {
        factory.create("once", CacheClass.USER_DATA);
        assertThrows(IllegalStateException.class, () -> factory.create("once", CacheClass.USER_DATA));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
