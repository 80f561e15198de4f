package app.medianest.server.durability;

import app.medianest.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The crash check's short form (the full one is {@code bench/crash-check.sh}: 20 rounds on H2, 5 on
 * PostgreSQL): the headless server in a child JVM, 8 writers creating media requests over HTTP, kill -9 at a
 * random moment, restart; every request answered 201 is there.
 */
class CrashCheckTest {
    @TempDir
    Path dir;

    @Test
    void noAcknowledgedWriteIsLostOnH2() throws Exception {
        CrashCheck.Totals t = new CrashCheck(System.out, System.nanoTime(), 8).runH2(dir.resolve("h2"), 3);
        assertTrue(t.acknowledged() > 0, "the writers were answered before the kills");
        assertEquals(0, t.lost(), "acknowledged requests lost after kill -9: " + t);
    }

    @Test
    void noAcknowledgedWriteIsLostOnPostgres() throws Exception {
        String url = TestDatabase.postgresUrl();
        CrashCheck.Totals t = new CrashCheck(System.out, System.nanoTime(), 8).runPostgres(dir.resolve("pg"), 1, url,
                System.getenv().getOrDefault(TestDatabase.PG_USER_ENV, "postgres"),
                System.getenv().getOrDefault(TestDatabase.PG_PASSWORD_ENV, ""));
        assertTrue(t.acknowledged() > 0, "the writers were answered before the kill");
        assertEquals(0, t.lost(), "acknowledged requests lost after kill -9: " + t);
    }
}
