package app.medianest.server.backup;

import app.medianest.model.Role;
import app.medianest.server.db.Database;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.Fixtures;
import app.medianest.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PostgreSQL backup procedure of docs/operations.md: {@code pg_dump --format=custom}, then
 * {@code pg_restore --no-owner} into a database without the data, gives back exactly the dumped rows.
 * Needs the PostgreSQL client programs (package postgresql-client); without pg_dump it is skipped, or fails
 * where PostgreSQL tests are required (CI).
 */
class PgDumpRestoreTest {
    private TestDatabase db;

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void pgDumpThenPgRestoreBringsBackTheSameRows() throws Exception {
        db = TestDatabase.create(DbKind.POSTGRESQL);
        String missing = "pg_dump/pg_restore not installed (apt-get install postgresql-client)";
        if ("true".equalsIgnoreCase(System.getenv(TestDatabase.PG_REQUIRED_ENV))) {
            org.junit.jupiter.api.Assertions.assertTrue(available("pg_dump") && available("pg_restore"),
                    missing + " - " + TestDatabase.PG_REQUIRED_ENV + "=true forbids skipping");
        }
        Assumptions.assumeTrue(available("pg_dump") && available("pg_restore"), missing);
        Database database = db.open();
        var alice = Fixtures.user(database.jdbc(), "alice", Role.USER);
        List<app.medianest.server.requests.NewMediaRequest> requests = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            requests.add(Fixtures.request(alice.id(), i, "Title " + i, app.medianest.model.RequestStatus.PENDING,
                    java.time.Instant.now()));
        }
        Fixtures.insert(database.jdbc(), requests);
        List<String> before = rows(database);
        String url = db.config().url();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        URI u = URI.create(url.substring("jdbc:".length()));
        String libpq = "postgresql://" + db.config().user() + "@" + u.getHost() + ":" + u.getPort() + u.getPath();
        Path dump = dir.resolve("medianest.dump");
        run("pg_dump", "--format=custom", "--schema=" + schema, "--file=" + dump, libpq);
        try (Connection c = DriverManager.getConnection(TestDatabase.postgresUrl(), db.config().user(),
                db.config().password()); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA " + schema + " CASCADE");   // the data is gone
        }
        run("pg_restore", "--no-owner", "--dbname=" + libpq, dump.toString());
        List<String> after;
        try (Database restored = Database.open(db.config(), null)) {
            after = rows(restored);
        }
        assertEquals(before, after, "the same rows after pg_restore");
        assertTrue(after.size() == 6, "one user and five requests: " + after);
    }

    private static List<String> rows(Database database) {
        List<String> out = new ArrayList<>(database.jdbc().query("SELECT username AS \"v\" FROM users ORDER BY username",
                r -> r.string("v")));
        out.addAll(database.jdbc().query("SELECT title AS \"v\" FROM media_requests ORDER BY title", r -> r.string("v")));
        return out;
    }

    private static boolean available(String tool) {
        try {
            return new ProcessBuilder(tool, "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }
}
