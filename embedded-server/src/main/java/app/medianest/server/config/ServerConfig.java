package app.medianest.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Validated configuration of the server. Built once at start; a bad value fails with one clear line.
 *
 * @param host          bind address
 * @param port          listener port, 0 for any free port
 * @param shutdownGrace how long in-flight requests may take to finish on shutdown
 * @param dataDir       writable data directory
 * @param db            database settings
 * @param settings      the raw merged settings, for features that read their own keys
 */
public record ServerConfig(String host, int port, Duration shutdownGrace, Path dataDir, DbConfig db,
                           Settings settings) {

    /** Validates {@code settings} and creates the data directory if needed. */
    public static ServerConfig from(Settings settings) {
        String host = settings.required(SettingsCatalog.HOST);
        if (!host.matches("[A-Za-z0-9.:\\-\\[\\]%]+")) {
            throw Settings.bad(SettingsCatalog.HOST, host, "is not a host name or IP address");
        }
        int port = settings.integer(SettingsCatalog.PORT, 0, 65_535);
        Duration grace = settings.duration(SettingsCatalog.SHUTDOWN_GRACE, Duration.ZERO, Duration.ofMinutes(5));
        Path dataDir = writableDirectory(settings);
        DbConfig db = DbConfig.from(settings, dataDir);
        return new ServerConfig(host, port, grace, dataDir, db, settings);
    }

    private static Path writableDirectory(Settings settings) {
        Path dir = settings.path(SettingsCatalog.DATA_DIR);
        String shown = dir.toString();
        try {
            DataDirPermissions.createPrivateDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
            DataDirPermissions.secure(dir);
        } catch (IOException | SecurityException e) {
            throw Settings.bad(SettingsCatalog.DATA_DIR, shown, "is not a writable directory (" + e.getClass()
                    .getSimpleName() + ": " + e.getMessage() + ")");
        }
        return dir;
    }
}
