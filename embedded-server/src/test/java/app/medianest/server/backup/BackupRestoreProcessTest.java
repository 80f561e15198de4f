package app.medianest.server.backup;

import app.medianest.server.config.DataDirPermissions;
import app.medianest.server.testing.ServerProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
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
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backups of the embedded database with the real headless process: a backup from the admin API, a change
 * after it, {@code medianest-server restore FILE} bringing back exactly the backup's data; then a damaged
 * database file stopping start-up with one line naming that backup and the restore command (exit code 2).
 */
class BackupRestoreProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("MEDIANEST_DATA_DIR", dataDir.toString());
        env.put("MEDIANEST_HOST", "127.0.0.1");
        env.put("MEDIANEST_PORT", "0");
        env.put("MEDIANEST_ADMIN_USERNAME", "root");
        env.put("MEDIANEST_ADMIN_PASSWORD", "backup test password");
        return env;
    }

    @Test
    void restoreBringsBackTheBackupAndADamagedFileStopsStartUpWithOneLine() throws Exception {
        String backupName;
        try (ServerProcess p = ServerProcess.start(env())) {
            String base = "http://127.0.0.1:" + p.awaitPort(Duration.ofSeconds(120));
            String token = login(base);
            for (int tmdb : new int[] {11, 12, 13}) {
                assertEquals(201, create(base, token, tmdb).statusCode());
            }
            HttpResponse<String> made = send(base, token, "POST", "/api/v1/admin/backups", "{}");
            assertEquals(201, made.statusCode(), made.body());
            backupName = JSON.readTree(made.body()).at("/data/name").asText();
            JsonNode listed = JSON.readTree(send(base, token, "GET", "/api/v1/admin/backups", null).body());
            assertEquals(backupName, listed.at("/data/0/name").asText(), "the new backup is listed first");
            assertEquals(201, create(base, token, 14).statusCode(), "a change after the backup");
            assertEquals(Set.of(11, 12, 13, 14), tmdbIds(base, token));
            p.terminate();
            p.awaitExit(Duration.ofSeconds(60));
        }
        Path backup = dataDir.resolve("backups").resolve(backupName);
        assertTrue(Files.isRegularFile(backup), "backup in <data dir>/backups: " + backup);
        if (DataDirPermissions.posix()) {   // a backup holds every password hash: owner-only from the start
            assertEquals(DataDirPermissions.FILE, Files.getPosixFilePermissions(backup), "backup file 0600");
            assertEquals(DataDirPermissions.DIR, Files.getPosixFilePermissions(backup.getParent()),
                    "backups folder 0700");
        }

        try (ServerProcess restore = ServerProcess.start(env(), "restore", backup.toString())) {
            assertEquals(0, restore.awaitExit(Duration.ofSeconds(120)), String.join("\n", restore.stderr()));
        }
        if (DataDirPermissions.posix()) {
            assertEquals(DataDirPermissions.FILE, Files.getPosixFilePermissions(dataDir.resolve("medianest.mv.db")),
                    "restored database file 0600");
        }
        try (ServerProcess p = ServerProcess.start(env())) {
            String base = "http://127.0.0.1:" + p.awaitPort(Duration.ofSeconds(120));
            assertEquals(Set.of(11, 12, 13), tmdbIds(base, login(base)), "exactly the backup's requests");
            p.terminate();
            p.awaitExit(Duration.ofSeconds(60));
        }

        // Power loss in the middle of writing the header: both header blocks overwritten.
        try (RandomAccessFile f = new RandomAccessFile(dataDir.resolve("medianest.mv.db").toFile(), "rw")) {
            f.seek(0);
            f.write(new byte[8192]);
        }
        try (ServerProcess p = ServerProcess.start(env())) {
            assertEquals(2, p.awaitExit(Duration.ofSeconds(120)), "exit code 2");
            List<String> err = p.stderr();
            assertEquals(1, err.size(), "one line on stderr: " + err);
            assertTrue(err.getFirst().contains("damaged") && err.getFirst().contains(backup.toString())
                    && err.getFirst().contains("medianest-server restore " + backup), err.getFirst());
        }
        try (ServerProcess restore = ServerProcess.start(env(), "restore", backup.toString())) {
            assertEquals(0, restore.awaitExit(Duration.ofSeconds(120)), String.join("\n", restore.stderr()));
        }
        try (ServerProcess p = ServerProcess.start(env())) {
            String base = "http://127.0.0.1:" + p.awaitPort(Duration.ofSeconds(120));
            assertEquals(Set.of(11, 12, 13), tmdbIds(base, login(base)), "the damaged file replaced by the backup");
            p.terminate();
            p.awaitExit(Duration.ofSeconds(60));
        }
    }

    private Set<Integer> tmdbIds(String base, String token) throws Exception {
        JsonNode page = JSON.readTree(send(base, token, "GET", "/api/v1/media/requests?limit=100", null).body());
        Set<Integer> ids = new TreeSet<>();
        page.get("data").forEach(r -> ids.add(r.get("tmdbId").asInt()));
        return ids;
    }

    private HttpResponse<String> create(String base, String token, int tmdb) throws Exception {
        return send(base, token, "POST", "/api/v1/media/requests", "{\"mediaType\":\"movie\",\"tmdbId\":" + tmdb + "}");
    }

    private HttpResponse<String> send(String base, String token, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String login(String base) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"root\",\"password\":\"backup test password\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).at("/data/token").asText();
    }
}
