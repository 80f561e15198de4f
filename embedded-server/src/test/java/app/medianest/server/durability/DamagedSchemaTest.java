package app.medianest.server.durability;

import app.medianest.server.config.DbConfig;
import app.medianest.server.db.Database;
import app.medianest.server.db.DatabaseDamagedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database file damaged by a {@code kill -9} under load (kept as a fixture, from a crash-check round): the page
 * chunk of the {@code media_requests} table is gone ("Chunk 251 not found"). H2 on its own opens it and leaves
 * that table out, so a server would start with every request missing; MediaNest's start-up check refuses it.
 */
class DamagedSchemaTest {
    private static final String FLAGS = ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE";

    @TempDir
    Path dir;

    @Test
    void aDatabaseWhoseTableCannotBeRebuiltIsRefusedNotOpenedWithoutIt() throws Exception {
        Path file = dir.resolve("medianest.mv.db");
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/damaged/kill9-missing-table.mv.db.gz"))) {
            Files.copy(in, file);
        }
        Path copy = dir.resolve("plain.mv.db");
        Files.copy(file, copy);
        // What H2 does by itself: it opens, without the table.
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("plain") + FLAGS, "sa", "");
             ResultSet rs = c.getMetaData().getTables(null, null, "media_requests", null)) {
            assertFalse(rs.next(), "plain H2 opens the damaged file without its media_requests table");
        }

        DbConfig config = new DbConfig("jdbc:h2:file:" + dir.resolve("medianest") + FLAGS, "sa", "", 4, 1,
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(15));
        Files.createDirectories(dir.resolve("backups"));
        DatabaseDamagedException e = assertThrows(DatabaseDamagedException.class,
                () -> Database.open(config, dir.resolve("backups")).close());
        assertTrue(e.getMessage().contains("is damaged") && e.getMessage().contains(file.toString()), e.getMessage());
    }
}
