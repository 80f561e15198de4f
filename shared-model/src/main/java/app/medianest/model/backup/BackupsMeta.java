package app.medianest.model.backup;

/**
 * The {@code meta} of {@code GET /api/v1/admin/backups}: whether and how this server backs up its database.
 *
 * @param supported       true when the database is backed up here (an embedded H2 file); false for PostgreSQL
 *                        (backed up with {@code pg_dump}) and for an in-memory database
 * @param directory       the backup directory on the server's machine (absolute)
 * @param keep            how many backups are kept ({@code backup.keep})
 * @param intervalSeconds how often a scheduled backup is made ({@code backup.interval}); 0 when none is
 */
public record BackupsMeta(boolean supported, String directory, int keep, long intervalSeconds) {
}
