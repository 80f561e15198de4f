package app.medianest.server.testing;

import app.medianest.server.EmbeddedServer;
import app.medianest.server.ServerListener;
import app.medianest.server.config.ServerConfig;
import app.medianest.server.config.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A real MediaNest server on a free port over a {@link TestDatabase}, and a small JSON client that talks to
 * it over real HTTP.
 */
public final class TestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Path dataDir;

    private TestServer(EmbeddedServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /** Starts a server over {@code db} with extra settings (keys as in application.yaml). */
    public static TestServer start(TestDatabase db, Clock clock, Map<String, String> extra) {
        try {
            Path dataDir = Files.createTempDirectory("medianest-test");
            Map<String, String> settings = new HashMap<>();
            settings.put("server.host", "127.0.0.1");
            settings.put("server.port", "0");
            settings.put("data.dir", dataDir.toString());
            settings.put("db.url", db.config().url());
            settings.put("db.user", db.config().user());
            settings.put("db.password", db.config().password());
            settings.put("db.pool.max", "10");
            settings.put("server.shutdown-grace", "1s");
            settings.putAll(extra);
            return new TestServer(EmbeddedServer.start(ServerConfig.from(Settings.of(settings)), clock,
                    ServerListener.NONE), dataDir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestServer start(TestDatabase db) {
        return start(db, Clock.systemUTC(), Map.of());
    }

    public EmbeddedServer server() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String url(String path) {
        return server.baseUrl() + path;
    }

    /** A response with its body parsed as JSON when it is JSON. */
    public record Res(int status, Map<String, java.util.List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        public JsonNode data() {
            return json().get("data");
        }

        public String errorCode() {
            return json().path("error").path("code").asText(null);
        }
    }

    public Res send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (body != null && java.util.Arrays.stream(headers).noneMatch("Content-Type"::equalsIgnoreCase)) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Res get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Res post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public HttpClient client() {
        return client;
    }

    @Override
    public void close() {
        server.stop();
    }
}
