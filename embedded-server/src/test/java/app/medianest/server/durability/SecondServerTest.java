package app.medianest.server.durability;

import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.ServerProcess;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A second MediaNest server on the same PostgreSQL database is refused at start; once the first stops it may run. */
class SecondServerTest {
    private TestDatabase db;

    @TempDir
    Path dataDir;

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aSecondServerOnTheSameDatabaseIsRefusedWithAClearMessage() throws Exception {
        db = TestDatabase.create(DbKind.POSTGRESQL);
        Map<String, String> env = Map.of("MEDIANEST_DATA_DIR", dataDir.toString(), "MEDIANEST_HOST", "127.0.0.1",
                "MEDIANEST_PORT", "0", "MEDIANEST_DB_URL", db.config().url(), "MEDIANEST_DB_USER", db.config().user(),
                "MEDIANEST_DB_PASSWORD", db.config().password());
        try (TestServer first = TestServer.start(db)) {
            assertEquals(200, first.get("/health/ready").status());
            try (ServerProcess second = ServerProcess.start(env)) {
                assertEquals(2, second.awaitExit(Duration.ofSeconds(120)), "refused with exit code 2");
                List<String> err = second.stderr();
                assertEquals(1, err.size(), "one line: " + err);
                assertTrue(err.getFirst().contains("another MediaNest server is already running"), err.getFirst());
            }
            assertEquals(200, first.get("/health/ready").status(), "the first server goes on");
        }
        try (ServerProcess again = ServerProcess.start(env)) {
            again.awaitPort(Duration.ofSeconds(120));   // the lock went with the first server
            again.terminate();
            again.awaitExit(Duration.ofSeconds(60));
        }
    }
}
