package app.medianest.server.backup;

import app.medianest.model.backup.BackupView;
import app.medianest.server.config.ServerConfig;
import app.medianest.server.db.Database;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;

/** {@code medianest-server backup} and {@code medianest-server restore FILE} (the server stopped). */
public final class BackupCommand {
    private BackupCommand() {
    }

    /** Backs up the configured H2 database (the server must be stopped; while it runs use the admin API). */
    public static int backup(ServerConfig config, PrintStream out) {
        Path dbFile = h2FileOrRefuse(config, "backup");
        if (inUse(dbFile)) {
            throw new IllegalArgumentException("the database " + dbFile + " is in use by a running MediaNest; "
                    + "back it up from the console (Backups) or with POST /api/v1/admin/backups");
        }
        Database db = Database.open(config.db(), Backups.dir(config));
        try {
            BackupView b = new Backups(db, Backups.dir(config), Backups.keep(config), Clock.systemUTC())
                    .backupNow("manual");
            out.println("Backed up to " + Backups.dir(config).resolve(b.name()) + " (" + b.sizeBytes() + " bytes)");
        } finally {
            db.close();
        }
        return 0;
    }

    /** Replaces the configured H2 database with the backup {@code args[0]} and checks that it opens. */
    public static int restore(ServerConfig config, String[] args, PrintStream out) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: medianest-server restore FILE (a backup zip; see "
                    + "medianest-server backup)");
        }
        Path dbFile = h2FileOrRefuse(config, "restore");
        if (inUse(dbFile)) {
            throw new IllegalArgumentException("the database " + dbFile + " is in use by a running MediaNest; "
                    + "stop it first");
        }
        Path backup = Path.of(args[0]);
        Optional<Path> previous = Backups.restore(backup, dbFile, Clock.systemUTC());
        Database.open(config.db(), Backups.dir(config)).close();   // opens (and migrates) the restored file
        out.println("Restored " + backup + " to " + dbFile
                + previous.map(p -> " (the previous file is kept as " + p + ")").orElse(""));
        return 0;
    }

    private static Path h2FileOrRefuse(ServerConfig config, String what) {
        return Database.h2File(config.db().url()).orElseThrow(() -> new IllegalArgumentException(what
                + " works on the embedded H2 database; for PostgreSQL use pg_dump / pg_restore "
                + "(docs/operations.md)"));
    }

    /** True when another process holds H2's lock on the file. */
    static boolean inUse(Path dbFile) {
        if (!Files.exists(dbFile)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(dbFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
