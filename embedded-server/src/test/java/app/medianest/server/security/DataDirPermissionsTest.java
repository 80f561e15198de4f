package app.medianest.server.security;

import app.medianest.server.EmbeddedServer;
import app.medianest.server.ServerListener;
import app.medianest.server.config.ServerConfig;
import app.medianest.server.config.Settings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding 6: the data directory is 0700 and its files 0600, both when created (a new install with its H2
 * database, key and report) and when fixed at start on an existing install that has 0755/0644 entries.
 */
class DataDirPermissionsTest {
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    @Test
    void newAndExistingInstallsAreOwnerOnly() throws Exception {
        Path parent = Files.createTempDirectory("medianest-perm");
        Path data = parent.resolve("data");
        // A new install: the server creates the directory and its files.
        try (EmbeddedServer server = start(data)) {
            server.components().perf().reportWriter().writeScheduled();
        }
        List<String> problems = check(data);
        assertEquals(List.of(), problems);
        assertTrue(Files.exists(data.resolve("medianest.mv.db")), "the H2 file is there");

        // An existing install made with a permissive umask: fixed at start.
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x"
                        : "rw-r--r--"));
            }
        }
        Files.createDirectories(data.resolve("logs"));
        Files.writeString(data.resolve("logs/medianest.0.log"), "old log line\n");
        Files.setPosixFilePermissions(data.resolve("logs/medianest.0.log"), PosixFilePermissions.fromString("rw-r--r--"));
        try (EmbeddedServer server = start(data)) {
            assertEquals(List.of(), check(data));
        }
    }

    private static EmbeddedServer start(Path data) {
        return EmbeddedServer.start(ServerConfig.from(Settings.of(Map.of("server.host", "127.0.0.1",
                "server.port", "0", "data.dir", data.toString(), "server.shutdown-grace", "1s"))),
                Clock.systemUTC(), ServerListener.NONE);
    }

    private static List<String> check(Path data) throws Exception {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.toList()) {
                if (p.startsWith(data.resolve("downloads"))) {
                    continue;
                }
                Set<PosixFilePermission> want = Files.isDirectory(p) ? DIR : FILE;
                Set<PosixFilePermission> got = Files.getPosixFilePermissions(p);
                if (!got.equals(want)) {
                    problems.add(data.relativize(p) + " is " + PosixFilePermissions.toString(got));
                }
            }
        }
        return problems;
    }
}
