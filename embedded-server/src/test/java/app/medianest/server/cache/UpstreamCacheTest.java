package app.medianest.server.resilience;

import app.medianest.server.testing.ManualClock;
import app.medianest.server.testing.QueuedExecutor;
import app.medianest.server.upstream.UpstreamException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Upstream answers: TTL, refresh-ahead of hot keys, the last good answer when the upstream fails. */
class StaleCacheTest {
    private final ManualClock clock = ManualClock.at("2026-11-01T12:00:00Z");
    private final QueuedExecutor reloads = new QueuedExecutor();
    private final StaleCache cache = new StaleCache(Duration.ofSeconds(60), 100, clock, reloads);
    private final AtomicInteger calls = new AtomicInteger();
    private final Supplier<String> upstream = () -> "libraries v" + calls.incrementAndGet();

    private static UpstreamException down() {
        return new UpstreamException("plex", UpstreamException.Kind.UNREACHABLE, 0, "connection refused", null);
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

}
