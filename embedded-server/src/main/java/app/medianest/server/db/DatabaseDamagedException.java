package app.medianest.server.db;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The embedded database file cannot be read (H2 reports it corrupted). Start-up stops with one line that names
 * the latest good backup and the command that restores it (exit code 2).
 */
public final class DatabaseDamagedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** H2's "file corrupted" error code. */
    static final int H2_FILE_CORRUPTED = 90030;

    DatabaseDamagedException(Path file, Optional<Path> latestBackup, Path backupDir, Throwable cause) {
        super("the database file " + file + " is damaged and cannot be opened; "
                + latestBackup.map(b -> "the latest good backup is " + b + " - stop MediaNest and run: "
                        + "medianest-server restore " + b)
                        .orElse("no backup was found in " + backupDir + " - see docs/operations.md (Database "
                                + "faults) for H2's recovery tool"), cause);
    }

    /**
     * True when {@code e} (or a cause) is H2's corrupted-file error or a store error that means the file is
     * damaged (a missing chunk or block, an unreadable structure), not a locked or unreadable file.
     */
    static boolean isCorruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == H2_FILE_CORRUPTED) {
                return true;
            }
            if (t instanceof org.h2.mvstore.MVStoreException m && switch (m.getErrorCode()) {
                case org.h2.mvstore.DataUtils.ERROR_FILE_CORRUPT, org.h2.mvstore.DataUtils.ERROR_CHUNK_NOT_FOUND,
                     org.h2.mvstore.DataUtils.ERROR_BLOCK_NOT_FOUND, org.h2.mvstore.DataUtils.ERROR_INTERNAL -> true;
                default -> false;
            }) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
