package app.medianest.server;

import app.medianest.server.auth.Secrets;
import app.medianest.server.config.ServerConfig;
import app.medianest.server.config.Settings;
import app.medianest.server.config.SettingsCatalog;
import app.medianest.server.logging.LogSetup;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code train}: one short, self-contained run of the server's start-up and hot routes, for recording the JDK's
 * ahead-of-time cache (the installer's {@code aot-cache.sh} runs it under {@code -XX:AOTMode=record}). It ignores
 * the user's configuration: a fresh H2 database in a temporary directory (deleted afterwards), 127.0.0.1 on a free
 * port, an unattended admin with a random password; nothing is contacted but the server itself. Exit code 0 when
 * every route answered as expected.
 */
final class TrainCommand {
    /** Routes a signed-in family member's devices call most (the load test's mix) plus the admin's pages. */
    private static final List<String> SIGNED_IN_ROUTES = List.of("/api/v1/auth/session", "/api/v1/dashboard/stats",
            "/api/v1/media/requests", "/api/v1/media/requests?status=pending", "/api/v1/media/requests/counts",
            "/api/v1/plex/libraries", "/api/v1/dashboard/notifications", "/api/v1/dashboard/status",
            "/api/v1/admin/requests", "/api/v1/admin/users", "/api/v1/admin/feature-flags",
            "/api/v1/resilience/circuit-breakers", "/api/v1/performance/metrics", "/api/v1/performance/alerts",
            "/metrics", "/health/ready", "/api/v1/no-such-route");

    private TrainCommand() {
    }

    static int run(String[] args, PrintStream out) {
        int rounds = args.length >= 2 && "--rounds".equals(args[0]) ? Integer.parseInt(args[1]) : 200;
        if (rounds < 1 || rounds > 100_000) {
            throw new IllegalArgumentException("--rounds must be between 1 and 100000");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("medianest-train");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
        long started = System.nanoTime();
        try {
            String password = Secrets.newToken("train-");
            Map<String, String> m = new LinkedHashMap<>();
            m.put(SettingsCatalog.DATA_DIR.key(), dir.toString());
            m.put(SettingsCatalog.HOST.key(), "127.0.0.1");
            m.put(SettingsCatalog.PORT.key(), "0");
            m.put(SettingsCatalog.LOG_LEVEL.key(), "WARNING");
            m.put(SettingsCatalog.ADMIN_USERNAME.key(), "admin");
            m.put(SettingsCatalog.ADMIN_PASSWORD.key(), password);
            Settings settings = Settings.of(m);
            ServerConfig config = ServerConfig.from(settings);
            LogSetup.configure("WARNING", config.dataDir().resolve("logs"));
            EmbeddedServer server = EmbeddedServer.start(config, Clock.systemUTC(), ServerListener.NONE);
            int requests;
            try {
                requests = exercise(server.baseUrl(), password, rounds);
            } finally {
                server.stop();
            }
            out.printf("medianest: trained on %d requests in %d ms%n", requests,
                    (System.nanoTime() - started) / 1_000_000);
            return 0;
        } finally {
            delete(dir);
        }
    }

    private static int exercise(String base, String password, int rounds) {
        ObjectMapper json = new ObjectMapper();
        int requests = 0;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            String body = json.writeValueAsString(Map.of("username", "admin", "password", password));
            HttpResponse<String> login = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), 200);
            String token = json.readTree(login.body()).path("data").path("token").asText();
            requests++;
            for (int i = 0; i < rounds; i++) {
                send(http, HttpRequest.newBuilder(URI.create(base + "/health")), 200);
                send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/session")), 401);
                requests += 2;
                for (String route : SIGNED_IN_ROUTES) {
                    send(http, HttpRequest.newBuilder(URI.create(base + route))
                            .header("Authorization", "Bearer " + token), -1);
                    requests++;
                }
            }
            send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/media/requests"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"mediaType\":")), 400);
            return requests + 1;
        } catch (IOException e) {
            throw new UncheckedIOException("training request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        boolean serverError = status >= 500 && status != 503;   // 503: an upstream that is not configured here
        if (serverError || (expected > 0 && status != expected)) {
            throw new IllegalStateException("training: " + response.request().uri().getPath() + " answered "
                    + status);
        }
        return response;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
