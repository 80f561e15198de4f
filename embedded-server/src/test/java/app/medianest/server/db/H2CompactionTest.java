package app.medianest.server.db;

import app.medianest.server.config.DbConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The H2 file as the server opens it: chunks only ever appended (no space reuse, for crash safety), and the
 * scheduled online compaction ({@code MEDIANEST_DB_COMPACT_INTERVAL}) giving the freed space back.
 */
class H2CompactionTest {
    @TempDir
    Path dir;

    @Test
    void committedWritesGrowTheFileAndTheScheduledCompactionGivesTheSpaceBack() throws Exception {
        DbConfig config = new DbConfig("jdbc:h2:file:" + dir.resolve("medianest")
                + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE", "sa", "", 4, 1, Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofSeconds(15));
        Path file = dir.resolve("medianest.mv.db");
        try (Database db = Database.open(config, dir.resolve("backups"))) {
            var fs = db.durability().store().getFileStore();
            assertFalse(fs.isSpaceReused(), "new chunks are appended, never written over freed ones");
            try (Connection c = db.pool().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE counter(id INT PRIMARY KEY, n INT, body VARCHAR(2000))");
                st.execute("INSERT INTO counter SELECT \"X\", 0, REPEAT('x', 1000) FROM SYSTEM_RANGE(1, 200)");
                try (PreparedStatement ps = c.prepareStatement("UPDATE counter SET n = n + 1 WHERE id = ?")) {
                    for (int i = 0; i < 1_500; i++) {   // each commit made durable alone: one chunk each
                        ps.setInt(1, 1 + i % 200);
                        ps.executeUpdate();
                        db.durability().awaitDurable();
                    }
                }
            }
            long grown = Files.size(file);
            long after = db.compact(Duration.ofSeconds(20));
            assertTrue(after < grown / 2, "the compaction gives the freed space back: " + grown + " -> " + after);
            assertFalse(fs.isSpaceReused(), "space reuse is off again after the compaction");
            assertEquals(fs.getDefaultRetentionTime(), fs.getRetentionTime(),
                    "freed chunks are kept for H2's retention time again after a compaction");
            try (Connection c = db.pool().getConnection(); Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT SUM(n) FROM counter")) {
                rs.next();
                assertEquals(1_500, rs.getInt(1), "every update is still there");
            }
        }
    }
}
