package app.medianest.model.backup;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One backup of the embedded database: an item of {@code GET /api/v1/admin/backups}, and the answer of
 * {@code POST /api/v1/admin/backups}.
 *
 * @param name      the file's name in the backup directory, {@code medianest-<yyyyMMdd-HHmmss-SSS UTC>-<kind>.zip}
 * @param sizeBytes the file's size
 * @param createdAt when it was written
 */
public record BackupView(String name, long sizeBytes, Instant createdAt) {
    private static final Pattern NAME = Pattern.compile("medianest-\\d{8}-\\d{6}-\\d{3}-(.+)\\.zip");

    public BackupView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * Why it was made, from its name: {@code scheduled}, {@code manual}, {@code before-migration-v<version>};
     * empty for a file named otherwise.
     */
    public String kind() {
        Matcher m = NAME.matcher(name);
        return m.matches() ? m.group(1) : "";
    }
}
