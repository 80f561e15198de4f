package app.medianest.server.db;

import app.medianest.server.config.DbConfig;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two database timeouts on the embedded H2 file ({@code MEDIANEST_DB_STATEMENT_TIMEOUT},
 * {@code MEDIANEST_DB_QUERY_TIMEOUT}): a runaway statement is cancelled after the shorter of the two and the
 * connection goes on working, and setting them costs nothing per statement (reads leave H2's schema version
 * alone, so every connection keeps its parsed statements).
 */
class H2TimeoutTest {
    /** A statement that would run for hours: ten billion joined rows counted. */
    private static final String RUNAWAY = "SELECT COUNT(*) AS n FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b";

    @TempDir
    Path dir;

    private DbConfig config(Duration statementTimeout, Duration queryTimeout) {
        return new DbConfig("jdbc:h2:file:" + dir.resolve("medianest") + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE",
                "sa", "", 2, 1, Duration.ofSeconds(5), statementTimeout, queryTimeout);
    }

    @Test
    void theQueryTimeoutCancelsARunawayStatementAndTheConnectionGoesOn() {
        assertCancelledAfterAboutOneSecond(config(Duration.ofSeconds(30), Duration.ofSeconds(1)));
    }

    @Test
    void theStatementTimeoutCancelsWhenItIsTheShorter() {
        assertCancelledAfterAboutOneSecond(config(Duration.ofSeconds(1), Duration.ofSeconds(15)));
    }

    private void assertCancelledAfterAboutOneSecond(DbConfig config) {
        try (Database db = Database.open(config, dir.resolve("backups"))) {
            long start = System.nanoTime();
            DataAccessException e = assertThrows(DataAccessException.class,
                    () -> db.jdbc().queryLong(RUNAWAY));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e.getMessage().contains("57014"), "cancelled for its timeout: " + e.getMessage());
            assertTrue(millis >= 900 && millis < 10_000, "cancelled after about a second, not " + millis + " ms");
            assertEquals(3, db.jdbc().queryLong("SELECT 1 + 2 AS n"), "the pool's connections go on working");
        }
    }

    @Test
    void readsLeaveTheSchemaVersionAloneSoParsedStatementsStayCached() throws SQLException {
        try (Database db = Database.open(config(Duration.ofSeconds(30), Duration.ofSeconds(15)), dir.resolve("backups"))) {
            db.jdbc().update("CREATE TABLE t(id INT PRIMARY KEY, name VARCHAR(20))");
            db.jdbc().update("INSERT INTO t VALUES (1, 'one')");
            long before = schemaVersion(db);
            for (int i = 0; i < 50; i++) {
                assertEquals(1, db.jdbc().queryLong("SELECT COUNT(*) AS n FROM t WHERE id = ?", 1));
                assertEquals(1, db.jdbc().query("SELECT name FROM t WHERE id > ?", r -> r.string("name"), 0).size());
            }
            assertEquals(before, schemaVersion(db), "50 reads changed H2's schema version, which throws away "
                    + "every connection's parsed statements");
        }
    }

    private static long schemaVersion(Database db) throws SQLException {
        try (Connection c = db.pool().getConnection()) {
            return ((org.h2.engine.SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase()
                    .getModificationMetaId();
        }
    }
}
