package app.medianest.server.server;

import app.medianest.server.testing.ServerProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 2, acceptance 5: kill -9 of the server (H2 file database) during a stream of committed inserts, then
 * a restart: every insert the server acknowledged (201) is there.
 */
class KillNineDurabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        Map<String, String> env = Map.of("MEDIANEST_DATA_DIR", dataDir.toString(), "MEDIANEST_HOST", "127.0.0.1",
                "MEDIANEST_PORT", "0", "MEDIANEST_ADMIN_USERNAME", "root",
                "MEDIANEST_ADMIN_PASSWORD", "correct horse battery");
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        try (ServerProcess p = ServerProcess.start(env)) {
            String base = "http://127.0.0.1:" + p.awaitPort(Duration.ofSeconds(120));
            String token = login(base);
            Thread writer = Thread.ofVirtual().start(() -> {
                for (int i = 0; ; i++) {
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
                                        + "/api/v1/admin/api-keys")).header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"k" + i + "\"}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            acknowledged.add(JSON.readTree(r.body()).at("/data/id").asText());
                        }
                    } catch (Exception e) {
                        return; // the server is gone
                    }
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (acknowledged.size() < 300 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            p.kill9();
            writer.join(10_000);
        }
        int count = acknowledged.size();
        assertTrue(count >= 300, "the stream was running when the server was killed: " + count);
        try (ServerProcess again = ServerProcess.start(env)) {
            String base = "http://127.0.0.1:" + again.awaitPort(Duration.ofSeconds(120));
            String token = login(base);
            JsonNode keys = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/api-keys"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            Set<String> present = new HashSet<>();
            keys.get("data").forEach(k -> present.add(k.get("id").asText()));
            List<String> lost = acknowledged.stream().filter(id -> !present.contains(id)).toList();
            System.out.println("kill -9 after " + count + " acknowledged inserts: " + present.size()
                    + " rows after restart, lost " + lost.size());
            assertEquals(List.of(), lost, "acknowledged writes lost");
        }
    }

    private String login(String base) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"root\",\"password\":\"correct horse battery\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).at("/data/token").asText();
    }
}
