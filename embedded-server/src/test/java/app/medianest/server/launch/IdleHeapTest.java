package app.medianest.server.launch;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The heap a busy spell grew is collected (and so given back) once the server is quiet, never under load. */
class IdleHeapTest {
    private static final long MB = 1L << 20;

    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong committed = new AtomicLong(20 * MB);
    private final AtomicInteger fullCollections = new AtomicInteger();
    private final IdleHeap idle = new IdleHeap(collections::get, committed::get, () -> {
        fullCollections.incrementAndGet();
        collections.incrementAndGet();
        committed.set(24 * MB);
    }, 16 * MB);

    @Test
    void aGrownHeapIsCollectedOnlyOnceTheServerIsQuiet() {
        committed.set(92 * MB);
        collections.addAndGet(500);
        assertFalse(idle.check(), "busy: hundreds of collections in the period");
        collections.addAndGet(40);
        assertFalse(idle.check(), "still busy");
        assertTrue(idle.check(), "quiet now, and the heap grew by 72 MB");
        assertEquals(1, fullCollections.get());
        assertEquals(24 * MB, committed.get());
        collections.incrementAndGet();
        assertFalse(idle.check(), "quiet, but nothing to give back since the last trim");
        assertEquals(1, fullCollections.get());
    }

    @Test
    void aQuietServerWhoseHeapDidNotGrowIsLeftAlone() {
        committed.set(30 * MB);
        for (int i = 0; i < 5; i++) {
            collections.incrementAndGet();
            assertFalse(idle.check());
        }
        assertEquals(0, fullCollections.get());
    }

    @Test
    void theBaselineFollowsTheHeapDown() {
        committed.set(10 * MB);
        assertFalse(idle.check());
        committed.set(27 * MB);
        assertTrue(idle.check(), "grew by 17 MB from its smallest size");
    }
}
