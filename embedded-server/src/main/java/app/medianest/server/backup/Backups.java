package app.medianest.server.backup;

import app.medianest.model.backup.BackupView;
import app.medianest.server.config.DataDirPermissions;
import app.medianest.server.config.ServerConfig;
import app.medianest.server.config.SettingsCatalog;
import app.medianest.server.db.BackupFiles;
import app.medianest.server.db.Database;
import app.medianest.server.db.Dialect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Online backups of the embedded H2 database: {@code BACKUP TO} a zip in the backup directory (consistent
 * while the server runs), the newest {@code keep} kept. PostgreSQL is backed up with {@code pg_dump} (see
 * docs/operations.md), not here.
 */
public final class Backups {
    private static final System.Logger LOG = System.getLogger(Backups.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    static final String PREFIX = BackupFiles.PREFIX;
    static final String SUFFIX = BackupFiles.SUFFIX;

    private final Database database;
    private final Path dir;
    private final int keep;
    private final Clock clock;

    public Backups(Database database, Path dir, int keep, Clock clock) {
        this.database = database;
        this.dir = dir;
        this.keep = keep;
        this.clock = clock;
    }

    /** The backup directory of a configuration: {@code backup.dir}, or {@code backups} in the data directory. */
    public static Path dir(ServerConfig config) {
        return config.settings().string(SettingsCatalog.BACKUP_DIR).map(Path::of)
                .orElse(config.dataDir().resolve("backups"));
    }

    public static int keep(ServerConfig config) {
        return config.settings().integer(SettingsCatalog.BACKUP_KEEP, 1, 10_000);
    }

    /** How often a scheduled backup is made ({@code backup.interval}); zero for never. */
    public static java.time.Duration interval(ServerConfig config) {
        return config.settings().duration(SettingsCatalog.BACKUP_INTERVAL, java.time.Duration.ZERO,
                java.time.Duration.ofDays(365));
    }

    /** True when this database is backed up here (an H2 file database). */
    public boolean supported() {
        return database.dialect() == Dialect.H2 && database.h2File().isPresent();
    }

    /** Why this database is not backed up here, for the admin; empty when it is. */
    public Optional<String> unsupportedReason() {
        if (supported()) {
            return Optional.empty();
        }
        return Optional.of(database.dialect() == Dialect.POSTGRESQL
                ? "This server uses PostgreSQL: back it up with pg_dump (docs/operations.md)"
                : "This server's database is in memory: there is no database file to back up");
    }

    public Path directory() {
        return dir;
    }

    public int keep() {
        return keep;
    }

    /** Writes a backup now (kind: "scheduled", "manual", ...), prunes old ones, and returns it. */
    public synchronized BackupView backupNow(String kind) {
        if (!supported()) {
            throw new UnsupportedOperationException(unsupportedReason().orElseThrow());
        }
        try {
            DataDirPermissions.createPrivateDirectories(dir);
            String name = PREFIX + STAMP.format(clock.instant()) + "-" + kind + SUFFIX;
            Path tmp = dir.resolve(name + ".part");
            Path target = dir.resolve(name);
            Files.deleteIfExists(tmp);
            try (Connection c = database.pool().getConnection(); Statement st = c.createStatement()) {
                st.execute("BACKUP TO '" + tmp.toString().replace("'", "''") + "'");
            }
            if (DataDirPermissions.posix()) {
                Files.setPosixFilePermissions(tmp, DataDirPermissions.FILE);   // a copy of every password hash
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.log(System.Logger.Level.INFO, "Database backed up to {0}", target);
            prune();
            return describe(target);
        } catch (IOException e) {
            throw new UncheckedIOException("backup failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        }
    }

    /**
     * When the first scheduled backup is due: {@code interval} after the newest backup (so restarts do not
     * postpone it forever), at least one minute after start.
     */
    public java.time.Duration firstDelay(java.time.Duration interval) {
        java.time.Duration min = java.time.Duration.ofMinutes(1);
        java.time.Duration due = list().stream().findFirst()
                .map(b -> interval.minus(java.time.Duration.between(b.createdAt(), clock.instant())))
                .orElse(min);
        return due.compareTo(min) < 0 ? min : due;
    }

    /** The backups, newest first. */
    public List<BackupView> list() {
        return BackupFiles.files(dir).stream().map(Backups::describe).toList();
    }

    private void prune() throws IOException {
        List<Path> all = BackupFiles.files(dir);
        for (int i = keep; i < all.size(); i++) {
            Files.deleteIfExists(all.get(i));
            LOG.log(System.Logger.Level.INFO, "Old backup {0} deleted (keeping {1})", all.get(i).getFileName(), keep);
        }
    }


    private static BackupView describe(Path p) {
        try {
            return new BackupView(p.getFileName().toString(), Files.size(p), Files.getLastModifiedTime(p).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }



    /**
     * Replaces the H2 database file {@code dbFile} with the one in {@code backup} (the server must be stopped).
     * The current file is kept beside it as {@code <name>.before-restore-<time>}. Returns that file, if any.
     */
    public static Optional<Path> restore(Path backup, Path dbFile, Clock clock) throws IOException {
        if (!Files.isRegularFile(backup)) {
            throw new IllegalArgumentException("no backup file " + backup);
        }
        String entry = BackupFiles.entryName(backup).orElseThrow(() -> new IllegalArgumentException(backup
                + " is not a MediaNest backup or is damaged (no readable .mv.db inside)"));
        Files.createDirectories(dbFile.toAbsolutePath().getParent());
        Path incoming = dbFile.resolveSibling(dbFile.getFileName() + ".restoring");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(backup))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(entry)) {
                    Files.copy(in, incoming, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (DataDirPermissions.posix()) {
            Files.setPosixFilePermissions(incoming, DataDirPermissions.FILE);
        }
        try (FileChannel ch = FileChannel.open(incoming, StandardOpenOption.WRITE)) {
            ch.force(true);   // the restored file on the disk before it replaces the damaged one
        }
        Path previous = null;
        if (Files.exists(dbFile)) {
            previous = dbFile.resolveSibling(dbFile.getFileName() + ".before-restore-"
                    + STAMP.format(clock.instant()));
            Files.move(dbFile, previous);
        }
        Files.move(incoming, dbFile, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(dbFile.resolveSibling(dbFile.getFileName().toString().replace(".mv.db", ".trace.db")));
        return Optional.ofNullable(previous);
    }
}
