package app.medianest.server.durability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM under load with an outbox backlog for an Overseerr that never answers and a download running (the
 * short form of {@code bench/shutdown-check.sh}, which runs 20 rounds).
 */
class ShutdownTest {
    @TempDir
    Path work;

    @Test
    void sigtermExitsInTimeWithoutBreakingTheDatabase() throws Exception {
        try (ShutdownCheck check = new ShutdownCheck(System.out, work)) {
            for (int round = 1; round <= 2; round++) {
                ShutdownCheck.Round r = check.round(work.resolve("data"), round);
                assertTrue(r.exitMillis() <= 8_000, "exited within grace (3 s) + 5 s: " + r);
                assertEquals(List.of(), r.forbiddenLines(), "no interrupted or closed database in the log");
                assertTrue(r.restartClean(), "the next start is ready and clean: " + r);
                assertTrue(r.acknowledged() > 0, "the clients were answered: " + r);
                assertEquals(0, r.missing(), "every acknowledged request is there after the restart: " + r);
                assertTrue(r.downloadWasRunning(), "a download was running at SIGTERM: " + r);
            }
        }
    }
}
