package app.medianest.server.demo;

import app.medianest.server.testing.ServerProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code medianest-server demo} as a new user would run it: a child JVM with no real Plex, Overseerr or Uptime
 * Kuma anywhere, which shows libraries, service tests and requests, and shows the admin password only once.
 */
class DemoCommandTest {
    private static final Pattern PASSWORD = Pattern.compile("with password (\\S+) \\(shown only this once\\)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    @Test
    void theDemoServesLibrariesStatusesAndRequestsWithoutRealServices() throws Exception {
        Map<String, String> env = Map.of("MEDIANEST_DATA_DIR", dataDir.toString(), "MEDIANEST_HOST", "127.0.0.1",
                "MEDIANEST_PORT", "0");
        String password;
        try (ServerProcess demo = ServerProcess.start(env, "demo")) {
            String base = "http://127.0.0.1:" + demo.awaitPort(Duration.ofSeconds(60));
            password = awaitPassword(demo);
            String token = login(base, password);

            JsonNode libraries = get(base, "/api/v1/plex/libraries", token);
            assertEquals(2, libraries.get("data").size(), libraries.toString());
            assertEquals("Movies", libraries.at("/data/0/title").asText());
            assertTrue(libraries.at("/data/0/itemCount").asInt() > 0);
            assertTrue(get(base, "/api/v1/plex/recently-added", token).get("data").size() > 0);
            assertTrue(get(base, "/api/v1/media/search?query=the", token).get("data").size() > 0);
            JsonNode kuma = post(base, "/api/v1/admin/services/uptime-kuma/test", token);
            assertTrue(kuma.at("/data/ok").asBoolean(), kuma.toString());
            assertTrue(post(base, "/api/v1/admin/services/youtube/test", token).at("/data/ok").asBoolean());
            assertTrue(Files.exists(dataDir.resolve("demo")), "the demo keeps its own database");
            demo.terminate();
            int code = demo.awaitExit(Duration.ofSeconds(30));
            assertTrue(code == 0 || code == 143, "a clean stop on SIGTERM: " + code);
            assertTrue(demo.stdout().stream().anyMatch(l -> l.contains("MediaNest stopped")));
        }
        try (ServerProcess again = ServerProcess.start(env, "demo")) {
            String base = "http://127.0.0.1:" + again.awaitPort(Duration.ofSeconds(60));
            IntegrationWait.until("the sign-in hint", Duration.ofSeconds(30),
                    () -> again.stdout().stream().anyMatch(l -> l.contains("password shown at the first demo start")));
            assertTrue(again.stdout().stream().noneMatch(l -> PASSWORD.matcher(l).find()), "shown only once");
            assertEquals(2, get(base, "/api/v1/plex/libraries", login(base, password)).get("data").size());
        }
    }

    private static String awaitPassword(ServerProcess p) {
        String[] found = new String[1];
        IntegrationWait.until("the demo admin's password", Duration.ofSeconds(30), () -> {
            for (String line : p.stdout()) {
                Matcher m = PASSWORD.matcher(line);
                if (m.find()) {
                    found[0] = m.group(1);
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private String login(String base, String password) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + DemoMode.ADMIN + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).at("/data/token").asText();
    }

    private JsonNode get(String base, String path, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private JsonNode post(String base, String path, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** Polling with a deadline. */
    private static final class IntegrationWait {
        static void until(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
            app.medianest.server.testing.IntegrationServer.await(what, timeout, condition);
        }
    }
}
