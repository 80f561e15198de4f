package app.medianest.server.server;

import app.medianest.server.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start-up and shutdown of the real headless process: bad settings, the chosen port, SIGTERM. */
class StartupProcessTest {
    @TempDir
    Path dataDir;

    private Map<String, String> env(String... kv) {
        Map<String, String> env = new HashMap<>();
        env.put("MEDIANEST_DATA_DIR", dataDir.toString());
        env.put("MEDIANEST_HOST", "127.0.0.1");
        env.put("MEDIANEST_PORT", "0");
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return env;
    }

    private void assertRefusedWithOneLine(Map<String, String> env, String setting, String... fragments)
            throws Exception {
        try (ServerProcess p = ServerProcess.start(env)) {
            int code = p.awaitExit(Duration.ofSeconds(120));
            assertNotEquals(0, code, "must exit non-zero");
            List<String> err = p.stderr();
            assertEquals(1, err.size(), "exactly one line on stderr, got " + err);
            assertTrue(err.getFirst().contains(setting), err.getFirst() + " should name " + setting);
            for (String f : fragments) {
                assertTrue(err.getFirst().contains(f), err.getFirst() + " should contain " + f);
            }
        }
    }

    @Test
    void portOutOfRangeIsRefused() throws Exception {
        assertRefusedWithOneLine(env("MEDIANEST_PORT", "70000"), "MEDIANEST_PORT", "70000");
    }

    @Test
    void nonNumericPortIsRefused() throws Exception {
        assertRefusedWithOneLine(env("MEDIANEST_PORT", "http"), "MEDIANEST_PORT");
    }

    @Test
    void unwritableDataDirIsRefused() throws Exception {
        Path file = Files.writeString(dataDir.resolve("a-file"), "x");
        assertRefusedWithOneLine(env("MEDIANEST_DATA_DIR", file.resolve("sub").toString()), "MEDIANEST_DATA_DIR");
    }

    @Test
    void badDatabaseUrlIsRefused() throws Exception {
        assertRefusedWithOneLine(env("MEDIANEST_DB_URL", "mysql://localhost/db"), "MEDIANEST_DB_URL");
    }

    @Test
    void badPoolSizeIsRefused() throws Exception {
        assertRefusedWithOneLine(env("MEDIANEST_DB_POOL_MAX", "0"), "MEDIANEST_DB_POOL_MAX");
    }

    @Test
    void badDurationIsRefused() throws Exception {
        assertRefusedWithOneLine(env("MEDIANEST_DB_ACQUIRE_TIMEOUT", "soon"), "MEDIANEST_DB_ACQUIRE_TIMEOUT");
    }

    @Test
    void unreachablePostgresIsRefusedWithoutLeakingThePassword() throws Exception {
        assertRefusedWithOneLine(env("MEDIANEST_DB_URL", "jdbc:postgresql://127.0.0.1:1/medianest?password=hunter2",
                "MEDIANEST_DB_PASSWORD", "s3cret-pw"), "MEDIANEST_DB_URL", "cannot connect");
    }

    @Test
    void portInUseIsRefused() throws Exception {
        try (var socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            assertRefusedWithOneLine(env("MEDIANEST_PORT", Integer.toString(socket.getLocalPort())),
                    "MEDIANEST_PORT");
        }
    }

    @Test
    void portZeroPicksAFreePortLogsItAndSigtermStopsCleanly() throws Exception {
        try (ServerProcess p = ServerProcess.start(env())) {
            int port = p.awaitPort(Duration.ofSeconds(120));
            assertTrue(port > 0);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("{\"status\":\"UP\"}", r.body());
            p.terminate();
            int code = p.awaitExit(Duration.ofSeconds(120));
            assertTrue(code == 0 || code == 143, "exit code " + code);
            assertTrue(p.stdout().stream().anyMatch(l -> l.contains("MediaNest stopped")), p.stdout().toString());
            assertTrue(p.stderr().isEmpty(), "no errors on a clean stop: " + p.stderr());
        }
        // The H2 file was closed cleanly: it opens again at once and H2 wrote no trace of errors.
        assertFalse(Files.exists(dataDir.resolve("medianest.trace.db")));
        try (ServerProcess again = ServerProcess.start(env())) {
            assertTrue(again.awaitPort(Duration.ofSeconds(120)) > 0);
        }
    }

    @Test
    void secretsNeverAppearInStartupOutput() throws Exception {
        try (ServerProcess p = ServerProcess.start(env("MEDIANEST_DB_URL",
                "jdbc:postgresql://127.0.0.1:1/x?password=hunter2", "MEDIANEST_DB_PASSWORD", "s3cret-pw"))) {
            p.awaitExit(Duration.ofSeconds(120));
            String all = String.join("\n", p.stdout()) + String.join("\n", p.stderr());
            assertFalse(all.contains("hunter2"), all);
            assertFalse(all.contains("s3cret-pw"), all);
        }
    }


    /**
     * {@code train} (what the installer records the AOT cache with) serves the main routes once on its own
     * temporary database and exits 0, and it touches neither the user's data directory nor their settings.
     */
    @Test
    void trainRunsTheMainRoutesOnATemporaryDatabaseAndExits() throws Exception {
        try (ServerProcess p = ServerProcess.start(env("MEDIANEST_PORT", "70000"), "train", "--rounds", "3")) {
            assertEquals(0, p.awaitExit(Duration.ofSeconds(120)), "stderr: " + p.stderr());
            assertTrue(p.stdout().stream().anyMatch(l -> l.matches("medianest: trained on \\d+ requests in \\d+ ms")),
                    "stdout: " + p.stdout());
        }
        try (var files = Files.list(dataDir)) {
            assertEquals(List.of(), files.toList(), "the user's data directory stays untouched");
        }
    }
}
