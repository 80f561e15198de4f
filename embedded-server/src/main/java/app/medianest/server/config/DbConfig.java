package app.medianest.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Database settings. The default is an H2 file database inside the data directory; PostgreSQL is chosen by
 * a {@code jdbc:postgresql:} URL.
 *
 * @param url              JDBC URL (for H2, with the flags MediaNest relies on already appended)
 * @param user             user name
 * @param password         password; never logged
 * @param poolMax          maximum pooled connections
 * @param poolMinIdle      idle connections kept open
 * @param acquireTimeout   longest wait for a pooled connection
 * @param statementTimeout server-side statement timeout
 * @param queryTimeout     JDBC query timeout applied to every statement
 */
public record DbConfig(String url, String user, String password, int poolMax, int poolMinIdle,
                       Duration acquireTimeout, Duration statementTimeout, Duration queryTimeout) {

    /** Which database product a URL names. */
    public enum Kind { H2, POSTGRESQL }

    public Kind kind() {
        return url.startsWith("jdbc:postgresql:") ? Kind.POSTGRESQL : Kind.H2;
    }

    /** The URL with any password parameter masked, safe to print. */
    public String safeUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "DbConfig[url=" + safeUrl() + ", user=" + user + ", poolMax=" + poolMax + "]";
    }

    static DbConfig from(Settings settings, Path dataDir) {
        String url = settings.string(SettingsCatalog.DB_URL)
                .orElse("jdbc:h2:file:" + dataDir.resolve("medianest").toString().replace('\\', '/'));
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            if (lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:")) {
                throw Settings.bad(SettingsCatalog.DB_URL, url, "uses H2 server mode; use an embedded jdbc:h2:file: "
                        + "or jdbc:h2:mem: URL, or PostgreSQL");
            }
            url = withH2Flags(url);
        } else if (!lower.startsWith("jdbc:postgresql://")) {
            throw Settings.bad(SettingsCatalog.DB_URL, safe(url), "must start with jdbc:h2: or jdbc:postgresql://");
        }
        String user = settings.string(SettingsCatalog.DB_USER).orElse(lower.startsWith("jdbc:h2:") ? "sa" : "");
        String password = settings.string(SettingsCatalog.DB_PASSWORD).orElse("");
        int max = settings.integer(SettingsCatalog.DB_POOL_MAX, 1, 500);
        int minIdle = Math.min(max, settings.integer(SettingsCatalog.DB_POOL_MIN_IDLE, 0, 500));
        Duration acquire = settings.duration(SettingsCatalog.DB_ACQUIRE_TIMEOUT, Duration.ofMillis(250),
                Duration.ofMinutes(10));
        Duration statement = settings.duration(SettingsCatalog.DB_STATEMENT_TIMEOUT, Duration.ofSeconds(1),
                Duration.ofHours(1));
        Duration query = settings.duration(SettingsCatalog.DB_QUERY_TIMEOUT, Duration.ofSeconds(1),
                Duration.ofHours(1));
        return new DbConfig(url, user, password, max, minIdle, acquire, statement, query);
    }

    /**
     * Lower-case identifiers (so the same SQL and column names work on PostgreSQL) and the database closed by
     * MediaNest rather than a JVM hook. H2's write delay stays at its default: its background writer also
     * compacts the file, and acknowledged writes are made durable by {@code db.H2Durability}, not by it.
     */
    private static String withH2Flags(String url) {
        StringBuilder b = new StringBuilder(url);
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.contains("database_to_lower=")) {
            b.append(";DATABASE_TO_LOWER=TRUE");
        }
        if (!lower.contains("db_close_on_exit=") && !lower.startsWith("jdbc:h2:mem:")) {
            b.append(";DB_CLOSE_ON_EXIT=FALSE");
        }
        return b.toString();
    }

    private static String safe(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
