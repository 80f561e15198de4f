package app.medianest.server.db;

import app.medianest.server.config.ConfigException;
import app.medianest.server.config.DbConfig;
import app.medianest.server.config.SettingsCatalog;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The pooled database: a HikariCP pool with the strategy's settings, migrated by Flyway at start. H2 files
 * are backed up before a migration changes them.
 */
public final class Database implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final Jdbc jdbc;
    private final String url;
    private volatile boolean migrated;
    private volatile H2Durability durability;
    private volatile PgProbe probe;
    private volatile PgServerLock serverLock;
    private final DbConfig config;

    private Database(HikariDataSource pool, Dialect dialect, DbConfig config) {
        this.pool = pool;
        this.dialect = dialect;
        this.jdbc = new Jdbc(pool, dialect, dialect.perStatementTimeout()
                ? (int) Math.max(1, config.queryTimeout().toSeconds()) : 0);
        this.url = config.url();
        this.config = config;
    }

    /**
     * For the server: on PostgreSQL, takes the one-server-per-database lock (throws
     * {@link DatabaseInUseException} when another server holds it); nothing for H2, whose file lock does this.
     */
    public void claimForServer() {
        if (dialect == Dialect.POSTGRESQL && serverLock == null) {
            serverLock = PgServerLock.acquire(config);
            PgServerLock lock = serverLock;
            jdbc.circuit().onRecovered(lock::renew);
        }
    }

    /**
     * Opens the pool (failing fast with a {@link ConfigException} naming the URL setting when the database
     * cannot be reached) and applies pending migrations.
     *
     * @param backupDir where H2 backups go before a migration; {@code null} disables backups
     */
    public static Database open(DbConfig config, Path backupDir) {
        HikariDataSource pool;
        try {
            pool = createPool(config);
        } catch (ConfigException e) {
            var file = h2File(config.url());
            if (file.isPresent() && DatabaseDamagedException.isCorruption(e)) {
                throw new DatabaseDamagedException(file.get(), backupDir == null ? java.util.Optional.empty()
                        : BackupFiles.latestGood(backupDir), backupDir, e);
            }
            throw e;
        }
        Database db = new Database(pool, Dialect.of(config.kind()), config);
        try {
            if (db.dialect == Dialect.H2) {
                db.finishInterruptedCommits();
            }
            db.migrate(backupDir);
            if (db.dialect == Dialect.H2) {
                db.durability = H2Durability.forPool(pool);
                db.jdbc.durability(db.durability);
            } else {
                DbCircuit circuit = new DbCircuit(true);
                // While the database is away nothing borrows, and with no idle minimum the pool stops retrying
                // (its retry back-off grows to 5 s); the first borrow after recovery connects at once.
                var poolConfig = pool.getHikariConfigMXBean();
                circuit.onChange(() -> poolConfig.setMinimumIdle(0), () -> poolConfig.setMinimumIdle(
                        config.poolMinIdle()));
                db.jdbc.circuit(circuit);
                db.probe = new PgProbe(config, circuit);
            }
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return db;
    }

    /** See {@link H2Leftovers}: before anything else writes, so no update can meet a half-committed row. */
    private void finishInterruptedCommits() {
        try (Connection c = pool.getConnection()) {
            H2Leftovers.finish(c);
        } catch (SQLException e) {
            throw new DataAccessException("H2: finishing the commits a crash interrupted failed", e);
        }
    }

    private static HikariDataSource createPool(DbConfig config) {
        Dialect dialect = Dialect.of(config.kind());
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("medianest-db");
        hc.setJdbcUrl(dialect == Dialect.H2 ? crashSafe(interruptSafe(config.url())) : config.url());
        hc.setUsername(config.user());
        hc.setPassword(config.password());
        hc.setMaximumPoolSize(config.poolMax());
        hc.setMinimumIdle(config.poolMinIdle());
        hc.setConnectionTimeout(config.acquireTimeout().toMillis());
        hc.setValidationTimeout(Math.min(5_000, config.acquireTimeout().toMillis()));
        hc.setConnectionInitSql(dialect.timeoutSql(config));
        hc.setInitializationFailTimeout(Math.max(1, Math.min(config.acquireTimeout().toMillis(), 5_000)));
        hc.setDriverClassName(dialect == Dialect.POSTGRESQL ? "org.postgresql.Driver" : "org.h2.Driver");
        try {
            return new HikariDataSource(hc);
        } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
            throw new ConfigException(SettingsCatalog.DB_URL.displayName() + ": cannot connect to "
                    + config.safeUrl() + ": " + rootMessage(e), e);
        }
    }

    /**
     * {@code config} for a one-shot bulk load (the {@code seed} command). H2 reuses freed space: appending every
     * chunk would grow the file to gigabytes before the closing compaction, and a seed cut short by a crash is
     * simply run again. PostgreSQL's driver sends each batch as multi-row inserts ({@code reWriteBatchedInserts}).
     */
    public static DbConfig forBulkLoad(DbConfig config) {
        String url = config.url();
        if (url.regionMatches(true, 0, "jdbc:h2:file:", 0, "jdbc:h2:file:".length())
                && !url.toUpperCase(java.util.Locale.ROOT).contains("REUSE_SPACE=")) {
            url = url + ";REUSE_SPACE=TRUE";
        } else if (config.kind() == DbConfig.Kind.POSTGRESQL && !url.contains("reWriteBatchedInserts")) {
            url = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        }
        return url.equals(config.url()) ? config : new DbConfig(url, config.user(), config.password(),
                config.poolMax(), config.poolMinIdle(), config.acquireTimeout(), config.statementTimeout(),
                config.queryTimeout());
    }

    /**
     * An H2 file URL made crash-safe: {@link H2OpenCheck} (a schema H2 cannot rebuild on opening stops the open),
     * and {@code REUSE_SPACE=FALSE}: every new chunk is appended at the end of the file, never written into the
     * space of a freed one. With space reuse on, {@code kill -9} rounds under load lost acknowledged writes and
     * once left a table's chunk missing (H2 2.5.252, {@code bench/crash-check.sh}); with it off, none. The space
     * freed meanwhile is given back by the scheduled compaction ({@link #compact}).
     */
    static String crashSafe(String url) {
        if (!url.regionMatches(true, 0, "jdbc:h2:file:", 0, "jdbc:h2:file:".length())) {
            return url;
        }
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        StringBuilder b = new StringBuilder(url);
        if (!upper.contains("DATABASE_EVENT_LISTENER=")) {
            b.append(";DATABASE_EVENT_LISTENER='").append(H2OpenCheck.class.getName()).append('\'');
        }
        if (!upper.contains("REUSE_SPACE=")) {
            b.append(";REUSE_SPACE=FALSE");
        }
        return b.toString();
    }

    /**
     * An H2 file URL on H2's {@code retry:} file system: a thread interrupted during file I/O then reopens the
     * channel and goes on, instead of the JDK closing the channel and with it the whole database.
     */
    static String interruptSafe(String url) {
        String prefix = "jdbc:h2:file:";
        if (!url.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return url;
        }
        String rest = url.substring(prefix.length());
        int colon = rest.indexOf(':');
        int slash = rest.indexOf('/');
        boolean hasFsPrefix = colon > 1 && (slash < 0 || colon < slash);   // "nio:", "retry:", not "C:"
        return hasFsPrefix ? url : prefix + "retry:" + rest;
    }

    private void migrate(Path backupDir) {
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .load();
        var info = flyway.info();   // one scan of the migrations and the history table (each costs ~50 ms at start)
        MigrationInfo[] pending = info.pending();
        MigrationInfo current = info.current();
        if (pending.length > 0 && current != null && dialect == Dialect.H2 && backupDir != null) {
            backupH2(backupDir, current.getVersion().getVersion());
        }
        var result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            LOG.log(System.Logger.Level.INFO, "Database migrated to version {0} ({1} migrations applied)",
                    result.targetSchemaVersion, result.migrationsExecuted);
        }
        migrated = true;
    }

    private void backupH2(Path backupDir, String fromVersion) {
        Path file = backupDir.resolve("medianest-" + STAMP.format(Instant.now()) + "-before-migration-v"
                + fromVersion + ".zip");
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            app.medianest.server.config.DataDirPermissions.createPrivateDirectories(backupDir);
            st.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            if (app.medianest.server.config.DataDirPermissions.posix()) {
                java.nio.file.Files.setPosixFilePermissions(file, app.medianest.server.config.DataDirPermissions.FILE);
            }
            LOG.log(System.Logger.Level.INFO, "Backed up the database to {0} before migrating", file);
        } catch (SQLException | java.io.IOException e) {
            throw new DataAccessException("backup before migration failed; not migrating: " + e.getMessage(), null);
        }
    }

    /** The commit barrier of an H2 file database, {@code null} otherwise. */
    H2Durability durability() {
        return durability;
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    /** The H2 database file ({@code <name>.mv.db}), for a file database; empty for PostgreSQL and in-memory H2. */
    public java.util.Optional<Path> h2File() {
        return h2File(url);
    }

    /** The {@code .mv.db} file an H2 file URL names. */
    public static java.util.Optional<Path> h2File(String jdbcUrl) {
        String prefix = "jdbc:h2:file:";
        if (!jdbcUrl.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return java.util.Optional.empty();
        }
        String rest = jdbcUrl.substring(prefix.length());
        int semi = rest.indexOf(';');
        String name = semi < 0 ? rest : rest.substring(0, semi);
        if (name.startsWith("retry:")) {
            name = name.substring("retry:".length());
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return java.util.Optional.of(Path.of(name + ".mv.db"));
    }

    /**
     * Compacts the H2 file online for at most {@code max}: chunks with little live data are rewritten and the
     * file is shortened. Returns the file size after it, or -1 when there is nothing to compact (PostgreSQL).
     */
    /** The most chunk bytes one online compaction moves towards the start of the file. */
    private static final long MOVE_PER_COMPACTION = 16L << 20;

    public long compact(java.time.Duration max) {
        H2Durability d = durability;
        if (d == null || pool.isClosed()) {
            return -1;
        }
        var fs = d.store().getFileStore();
        boolean reuse = fs.isSpaceReused();
        try {
            // H2 moves chunks into the freed space only with space reuse on; it writes and syncs its header first.
            fs.setReuseSpace(true);
            d.store().compactFile((int) Math.min(Integer.MAX_VALUE, max.toMillis()));
            // compactFile moves chunks only once a tenth of the file is free; the chunks at the end are moved into
            // the freed space every time, so the file keeps to its live data between runs.
            if (fs instanceof org.h2.mvstore.RandomAccessStore file) {
                file.compactMoveChunks(100, MOVE_PER_COMPACTION, d.store());
            }
        } finally {
            fs.setReuseSpace(reuse);
            // H2's compaction drops the retention time to 0 for good: freed chunks would then be overwritten at
            // once, while the last header on the disk may still lead to them. The default keeps them 45 s.
            fs.setRetentionTime(fs.getDefaultRetentionTime());
        }
        return fs.size();
    }

    /**
     * Closes the database, for H2 with a full compaction ({@code SHUTDOWN COMPACT}: the live data rewritten
     * into a new file). Used by one-shot commands (seed, restore), not by the server's shutdown, whose time is
     * bounded.
     */
    public void closeCompacted() {
        H2Durability d = durability;
        if (d == null) {
            close();
            return;
        }
        jdbc.durability(null);
        d.close();
        try {
            Connection c = pool.getConnection();
            try (Statement st = c.createStatement()) {
                st.execute("SHUTDOWN COMPACT");
            } finally {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the database closed itself with the SHUTDOWN
                }
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "H2 compaction on close failed: {0}", e.getMessage());
        }
        pool.close();
    }

    public Dialect dialect() {
        return dialect;
    }

    public HikariDataSource pool() {
        return pool;
    }

    /** True once migrations were applied and a connection can be validated within {@code timeoutSeconds}. */
    public boolean isReady(int timeoutSeconds) {
        if (!migrated || pool.isClosed() || jdbc.circuit().isOpen()) {
            return false;
        }
        if (probe != null) {
            return true;   // the probe checked it within the last half second
        }
        try (Connection c = pool.getConnection()) {
            return c.isValid(timeoutSeconds);
        } catch (SQLException e) {
            return false;
        }
    }

    public boolean isMigrated() {
        return migrated;
    }

    /** Closes the pool; for H2 the last connection closing closes the database file cleanly. */
    @Override
    public void close() {
        PgProbe p = probe;
        if (p != null) {
            p.close();
        }
        PgServerLock lock = serverLock;
        if (lock != null) {
            lock.close();
        }
        H2Durability d = durability;
        if (d != null) {
            jdbc.durability(null);
            d.close();
        }
        if (!pool.isClosed()) {
            if (dialect == Dialect.H2) {
                try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                    st.execute("CHECKPOINT SYNC");
                } catch (SQLException e) {
                    LOG.log(System.Logger.Level.WARNING, "H2 checkpoint on close failed: {0}", e.getMessage());
                }
            }
            pool.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return msg.replaceAll("(?i)(password=)[^&;\\s]*", "$1***").lines().findFirst().orElse(msg);
    }
}
