package app.medianest.benchmarks;

import app.medianest.server.config.DbConfig;
import app.medianest.server.db.Database;
import app.medianest.server.seed.SeedPlan;
import app.medianest.server.seed.Seeder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A private in-memory H2 database, migrated like the server's and filled by the server's {@link Seeder}.
 */
final class SeededDatabase implements AutoCloseable {

    /** The fixed "now" of seeded data, so every run sees the same rows. */
    static final Clock SEED_CLOCK = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);

    private final Database database;

    private SeededDatabase(Database database) {
        this.database = database;
    }

    /** Opens a fresh database and seeds it (random seed 42, no password: nobody signs in here). */
    static SeededDatabase seed(int users, int requests) {
        String url = "jdbc:h2:mem:bench" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
        DbConfig config = new DbConfig(url, "sa", "", 4, 1, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(15));
        Database database = Database.open(config, null);
        new Seeder(database.jdbc(), SEED_CLOCK).seed(new SeedPlan(users, requests, 0, false, null, 42));
        return new SeededDatabase(database);
    }

    Database database() {
        return database;
    }

    /** The users with the most requests, most first. */
    List<UUID> busiestUsers(int count) {
        return database.jdbc().query("SELECT user_id FROM media_requests WHERE user_id IS NOT NULL "
                + "GROUP BY user_id ORDER BY COUNT(*) DESC, user_id LIMIT ?", row -> row.uuid("user_id"), count);
    }

    @Override
    public void close() {
        database.close();
    }
}
