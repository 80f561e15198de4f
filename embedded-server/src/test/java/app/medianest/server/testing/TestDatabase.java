package app.medianest.server.testing;

import app.medianest.server.config.DbConfig;
import app.medianest.server.db.Database;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, migrated database for one test class: a private in-memory H2 database, or a private schema in
 * the PostgreSQL server named by {@code MEDIANEST_TEST_PG_URL} (dropped on close).
 *
 * <p>Without that variable the PostgreSQL variants are skipped with a message saying how to enable them,
 * unless {@code MEDIANEST_TEST_PG_REQUIRED=true} (set by CI), in which case they fail: CI never skips them.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String PG_URL_ENV = "MEDIANEST_TEST_PG_URL";
    public static final String PG_USER_ENV = "MEDIANEST_TEST_PG_USER";
    public static final String PG_PASSWORD_ENV = "MEDIANEST_TEST_PG_PASSWORD";
    public static final String PG_REQUIRED_ENV = "MEDIANEST_TEST_PG_REQUIRED";

    private final DbKind kind;
    private final DbConfig config;
    private final String schema;
    private Database database;

    private TestDatabase(DbKind kind, DbConfig config, String schema) {
        this.kind = kind;
        this.config = config;
        this.schema = schema;
    }

    /** Creates (but does not open) a fresh database of {@code kind}. */
    public static TestDatabase create(DbKind kind) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind == DbKind.H2) {
            return new TestDatabase(kind, config("jdbc:h2:mem:mn" + id + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE",
                    "sa", ""), null);
        }
        String base = postgresUrl();
        String schema = "mn_test_" + id;
        String user = System.getenv().getOrDefault(PG_USER_ENV, "postgres");
        String password = System.getenv().getOrDefault(PG_PASSWORD_ENV, "");
        try (Connection c = DriverManager.getConnection(base, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            Assertions.fail("cannot create a test schema on " + base + ": " + e.getMessage());
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(kind, config(url, user, password), schema);
    }

    /** The PostgreSQL base URL, or a skipped/failed test when there is none. */
    public static String postgresUrl() {
        PostgresTestCounter.noteCaller();
        String url = System.getenv(PG_URL_ENV);
        if (url == null || url.isBlank()) {
            String msg = "PostgreSQL tests need a server: set " + PG_URL_ENV
                    + "=jdbc:postgresql://127.0.0.1:5432/test (and " + PG_USER_ENV + " if not 'postgres')";
            if ("true".equalsIgnoreCase(System.getenv(PG_REQUIRED_ENV))) {
                Assertions.fail(msg + " - " + PG_REQUIRED_ENV + "=true forbids skipping");
            }
            Assumptions.abort("skipped: " + msg);
        }
        return url;
    }

    private static DbConfig config(String url, String user, String password) {
        return new DbConfig(url, user, password, 10, 1, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(15));
    }

    public DbKind kind() {
        return kind;
    }

    public DbConfig config() {
        return config;
    }

    /** Opens the pool and migrates (once). */
    public synchronized Database open() {
        if (database == null) {
            database = Database.open(config, null);
        }
        return database;
    }

    /** Removes all rows of all MediaNest tables (between tests), keeping the schema. */
    public void truncateAll() {
        open().jdbc().withHandle(h -> {
            for (String t : new String[] {"notification_outbox", "notification_preferences",
                "notification_channels", "user_request_rules", "request_outbox", "notifications", "session_tokens", "api_keys",
                "youtube_downloads", "media_requests", "service_status", "service_config", "alert_history",
                "app_settings", "users"}) {
                h.update("DELETE FROM " + t);
            }
            h.update("UPDATE row_counts SET n = 0");   // the counts of the rows just deleted
            return null;
        });
    }

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
        if (kind == DbKind.H2) {
            // DB_CLOSE_DELAY=-1 keeps an in-memory database for the JVM's life: drop it, and its memory, now.
            try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password());
                 Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot shut down the test database", e);
            }
        }
        if (schema != null) {
            String base = System.getenv(PG_URL_ENV);
            try (Connection c = DriverManager.getConnection(base, config.user(), config.password());
                 Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop test schema " + schema, e);
            }
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
