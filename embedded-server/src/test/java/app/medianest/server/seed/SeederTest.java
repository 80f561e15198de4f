package app.medianest.server.seed;

import app.medianest.model.RequestCounts;
import app.medianest.server.db.Jdbc;
import app.medianest.server.requests.MediaRequestRepository;
import app.medianest.server.testing.DatabasePerKind;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.users.UserRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bulk seed (enough requests for the indexes to be built after the load) leaves the same schema it found: every
 * request index back, the owner key enforced, the kept counts equal to real counts, ids in creation order.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class SeederTest {
    private static final DatabasePerKind DATABASES = new DatabasePerKind();
    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    @Parameter
    DbKind kind;

    private Jdbc jdbc;

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    @BeforeEach
    void clean() {
        TestDatabase db = DATABASES.get(kind);
        jdbc = db.open().jdbc();
        db.truncateAll();
    }

    @Test
    void aBulkSeedRestoresEveryIndexAndKeyAndKeepsTheCountsExact() {
        List<String> before = requestIndexes();
        Seeder.Result r = new Seeder(jdbc, Clock.fixed(NOW, ZoneOffset.UTC))
                .seed(new SeedPlan(30, Seeder.BULK + 500, 5, false, null, 3));
        assertEquals(Seeder.BULK + 500, r.requests());
        assertEquals(before, requestIndexes());
        assertTrue(before.containsAll(BulkIndexes.INDEXES), "the indexes rebuilt are the migrated ones: " + before);

        MediaRequestRepository repo = new MediaRequestRepository(jdbc);
        RequestCounts kept = repo.counts(null);
        assertEquals(Seeder.BULK + 500, kept.total());
        assertEquals(jdbc.queryLong("SELECT COUNT(*) AS n FROM media_requests WHERE status = 'pending'"), kept.pending());
        assertEquals(jdbc.queryLong("SELECT COUNT(*) AS n FROM media_requests WHERE status = 'available'"),
                kept.available());
        assertEquals(30, new UserRepository(jdbc).count());

        // The owner key is enforced again: a request of a user that does not exist is refused.
        assertThrows(RuntimeException.class, () -> jdbc.update("UPDATE media_requests SET user_id = ? WHERE id = "
                + "(SELECT MIN(id) FROM media_requests)", UUID.randomUUID()));
        // Oldest first with time-ordered ids: the id order is the creation order.
        List<UUID> byCreated = jdbc.query("SELECT id FROM media_requests ORDER BY created_at, id FETCH FIRST 200 ROWS "
                + "ONLY", row -> row.uuid("id"));
        List<UUID> byId = jdbc.query("SELECT id FROM media_requests ORDER BY id FETCH FIRST 200 ROWS ONLY",
                row -> row.uuid("id"));
        assertEquals(byCreated, byId);
    }

    private List<String> requestIndexes() {
        String sql = kind == DbKind.H2
                ? "SELECT index_name AS name FROM information_schema.indexes WHERE table_name = 'media_requests' "
                        + "AND index_name LIKE 'ix\\_%' ESCAPE '\\' ORDER BY index_name"
                : "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'media_requests' AND schemaname = "
                        + "current_schema() "
                        + "AND indexname LIKE 'ix\\_%' ESCAPE '\\' ORDER BY indexname";
        return jdbc.query(sql, row -> row.string("name"));
    }
}
