package app.medianest.server.openapi;

import app.medianest.fakes.FakeOverseerr;
import app.medianest.fakes.FakePlex;
import app.medianest.fakes.FakePlexTv;
import app.medianest.fakes.FakeUptimeKuma;
import app.medianest.fakes.FakeYtDlp;
import app.medianest.server.http.RouteTable;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.IntegrationServer;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /api/v1/openapi.json} against the real server: it is a valid OpenAPI 3.1 document (swagger-parser), each
 * of its schemas is a valid JSON Schema, and every route of the route table is called for real (against the fake
 * upstreams) and its answer - status, content type and body - must match what the description says.
 */
class OpenApiConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Routes whose success needs what a test cannot give (an alert raised, plex.tv approving, a reachable
     * notification channel, an H2 file database to back up); their error answer is checked.
     */
    private static final Set<String> ERROR_ONLY = Set.of("POST /api/v1/performance/alerts/{id}/ack",
            "POST /api/v1/auth/plex/verify", "POST /api/v1/auth/setup", "GET /api/v1/media/{type}/{tmdbId}",
            "POST /api/v1/admin/notification-channels/{name}/test", "POST /api/v1/admin/backups");
    private static TestDatabase db;
    private static FakePlex plex;
    private static FakePlexTv plexTv;
    private static FakeOverseerr overseerr;
    private static FakeUptimeKuma kuma;
    private static IntegrationServer server;
    private static JsonNode doc;

    @BeforeAll
    static void start() throws Exception {
        plex = FakePlex.start();
        plexTv = FakePlexTv.start();
        overseerr = FakeOverseerr.start();
        kuma = FakeUptimeKuma.start();
        db = TestDatabase.create(DbKind.H2);
        server = IntegrationServer.start(db, Clock.systemUTC(), Map.of("plextv.url", plexTv.baseUrl(),
                "overseerr.url", overseerr.apiBaseUrl(), "overseerr.api-key", FakeOverseerr.DEFAULT_API_KEY,
                "overseerr.webhook-secret", "hook-secret", "uptime-kuma.url", kuma.baseUrl(),
                "resilience.retry-backoff", "10ms"));
        put("/api/v1/admin/services/plex", "{\"url\":\"" + plex.baseUrl() + "\",\"apiKey\":\""
                + FakePlex.DEFAULT_TOKEN + "\",\"enabled\":true}");
        put("/api/v1/admin/services/youtube", "{\"enabled\":true,\"settings\":{\"ytdlpPath\":\""
                + slowYtDlp() + "\"}}");
        var r = server.http().send("GET", "/api/v1/openapi.json", null);
        assertEquals(200, r.status(), r.body());
        doc = JSON.readTree(r.body());
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
        plex.close();
        plexTv.close();
        overseerr.close();
        kuma.close();
    }

    /** The fake yt-dlp, slowed down so that a download is still running when the test cancels it. */
    private static java.nio.file.Path slowYtDlp() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("medianest-openapi");
        java.nio.file.Path exe = dir.resolve("yt-dlp");
        java.nio.file.Files.writeString(exe, "#!/bin/sh\nexport " + FakeYtDlp.ENV_DELAY_MS + "=500\nexport "
                + FakeYtDlp.ENV_STEPS + "=120\nexec '" + FakeYtDlp.installTemp() + "' \"$@\"\n");
        java.nio.file.Files.setPosixFilePermissions(exe,
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return exe;
    }

    private static void put(String path, String body) {
        var r = server.put(path, body, server.adminToken());
        assertEquals(200, r.status(), r.body());
    }

    @Test
    void theDescriptionIsValidOpenApi31WithValidSchemas() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(JSON.writeValueAsString(doc), null, options);
        assertEquals(List.of(), parsed.getMessages(), "swagger-parser's validation messages");
        assertEquals("3.1.0", parsed.getOpenAPI().getOpenapi());
        assertTrue(Boolean.TRUE.equals(parsed.getOpenAPI().getSpecVersion() == io.swagger.v3.oas.models.SpecVersion.V31));

        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(com.networknt.schema.SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        List<String> invalid = new ArrayList<>();
        doc.at("/components/schemas").properties().forEach(e -> {
            var errors = metaSchema.validate(e.getValue().toString(), InputFormat.JSON);
            if (!errors.isEmpty()) {
                invalid.add(e.getKey() + ": " + errors);
            }
        });
        assertEquals(List.of(), invalid, "every schema is valid JSON Schema 2020-12");
        assertTrue(doc.at("/components/schemas").size() > 40, "the records are described");
    }

    @Test
    void everyRoutesRealAnswerMatchesTheDescription() throws Exception {
        Map<String, Supplier<Answer>> calls = calls();
        List<RouteTable.Route> routes = server.http().server().routes().routes();
        List<String> problems = new ArrayList<>();
        Set<String> uncovered = new TreeSet<>();
        int successes = 0;
        for (RouteTable.Route route : routes) {
            String key = route.method().text() + " " + route.path();
            Supplier<Answer> call = calls.get(key);
            if (call == null) {
                uncovered.add(key);
                continue;
            }
            Answer a = call.get();
            String problem = check(route, a);
            if (problem != null) {
                problems.add(key + " -> " + a.status + ": " + problem);
            }
            boolean ok = a.status < 300;
            successes += ok ? 1 : 0;
            if (!ok && !ERROR_ONLY.contains(key)) {
                problems.add(key + " -> " + a.status + ": expected a success, got " + a.body);
            }
        }
        assertEquals(Set.of(), uncovered, "routes this test does not call");
        assertEquals(List.of(), problems);
        System.out.println("OpenAPI conformance: " + routes.size() + " routes called, " + successes
                + " successful answers and " + (routes.size() - successes) + " error answers checked");
    }

    /** An answer: status, content type, body. */
    private record Answer(int status, String contentType, String body) {
        static Answer of(TestServer.Res r) {
            String type = r.header("Content-Type");
            return new Answer(r.status(), type == null ? "" : type, r.body());
        }
    }

    /** What is wrong with {@code a} according to the description of {@code route}, or null. */
    private static String check(RouteTable.Route route, Answer a) {
        JsonNode op = doc.path("paths").path(route.path()).path(route.method().text().toLowerCase(Locale.ROOT));
        if (op.isMissingNode()) {
            return "not in the description";
        }
        JsonNode response = op.path("responses").path(Integer.toString(a.status));
        if (response.isMissingNode()) {
            if (a.status < 400) {
                return "status " + a.status + " not described";
            }
            response = op.path("responses").path("default");
        }
        JsonNode content = response.path("content");
        String mediaType = null;
        for (var it = content.fieldNames(); it.hasNext(); ) {
            String described = it.next();
            if (a.contentType.startsWith(described)) {
                mediaType = described;
            }
        }
        if (mediaType == null) {
            return "content type " + a.contentType + ", described " + content.properties();
        }
        if (!mediaType.equals("application/json")) {
            return null;
        }
        ObjectNode schema = content.path(mediaType).path("schema").deepCopy();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("components", doc.path("components"));
        Schema compiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schema.toString(), InputFormat.JSON);
        var errors = compiled.validate(a.body, InputFormat.JSON);
        return errors.isEmpty() ? null : errors + " in " + abbreviate(a.body);
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    private static String admin() {
        return server.adminToken();
    }

    private static Answer get(String path, String token) {
        return Answer.of(server.get(path, token));
    }

    private static Answer post(String path, String body, String token) {
        return Answer.of(server.post(path, body, token));
    }

    private static String id(TestServer.Res r) {
        assertTrue(r.status() < 300, r.body());
        return r.data().get("id").asText();
    }

    /** A request that reads only the status and headers (streams never end by themselves). */
    private static Answer headOnly(String path, String token) {
        try {
            var req = HttpRequest.newBuilder(URI.create(server.http().url(path))).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).GET().build();
            var res = server.http().client().send(req, HttpResponse.BodyHandlers.ofInputStream());
            res.body().close();
            return new Answer(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""), "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One real call per route, in an order where each finds what it needs (ids made by earlier calls). */
    private static Map<String, Supplier<Answer>> calls() throws Exception {
        String member = server.newUser("member");
        String member2 = server.newUser("member2");
        List<Integer> movies = new ArrayList<>();
        List<Integer> shows = new ArrayList<>();
        for (int page = 1; page <= 3 && (movies.size() < 4 || shows.isEmpty()); page++) {
            for (JsonNode r : server.get("/api/v1/media/search?query=a&page=" + page, member).data()) {
                (r.get("mediaType").asText().equals("movie") ? movies : shows).add(r.get("tmdbId").asInt());
            }
        }
        assertTrue(movies.size() >= 4 && !shows.isEmpty(), "the fake Overseerr's catalogue: " + movies + shows);
        int movieId = movies.get(0);
        int showId = shows.get(0);
        String pending = id(server.post("/api/v1/media/requests", "{\"mediaType\":\"movie\",\"tmdbId\":" + movieId
                + ",\"title\":\"A\"}", member));
        String forNotice = id(server.post("/api/v1/media/requests", "{\"mediaType\":\"tv\",\"tmdbId\":" + showId
                + ",\"title\":\"B\",\"seasons\":[1]}", member2));
        String toApprove = id(server.post("/api/v1/media/requests", "{\"mediaType\":\"movie\",\"tmdbId\":"
                + movies.get(3) + ",\"title\":\"E\"}", member2));
        String keyId = id(server.post("/api/v1/admin/api-keys", "{\"name\":\"spare\",\"role\":\"user\"}", admin()));
        String spareUser = id(server.post("/api/v1/admin/users", "{\"username\":\"spare\",\"password\":\"spare-pass-1\"}",
                admin()));
        String download = id(server.post("/api/v1/youtube/downloads", "{\"url\":\"https://youtu.be/dQw4w9WgXcQ\"}",
                member));
        String collection = server.get("/api/v1/plex/libraries/1/collections", member).data().get(0).get("ratingKey")
                .asText();
        String pin = id(server.post("/api/v1/auth/plex/pin", null, null));
        String rules = server.get("/api/v1/admin/alert-rules", admin()).data().toString();
        server.post("/api/v1/admin/requests/" + forNotice + "/approve", null, admin());
        IntegrationServer.await("a notification for member2", Duration.ofSeconds(10),
                () -> server.get("/api/v1/dashboard/notifications", member2).data().size() > 0);
        String notification = server.get("/api/v1/dashboard/notifications", member2).data().get(0).get("id").asText();
        IntegrationServer.await("the status poller's first check", Duration.ofSeconds(20),
                () -> server.get("/api/v1/dashboard/status", member).data().size() > 0);
        String service = server.get("/api/v1/dashboard/status", member).data().get(0).get("name").asText();
        String throwaway = server.newUser("throwaway");
        String toDecline = id(server.post("/api/v1/media/requests", "{\"mediaType\":\"movie\",\"tmdbId\":" + movies.get(1)
                + ",\"title\":\"C\"}", throwaway));

        String ruled = id(server.post("/api/v1/admin/users", "{\"username\":\"ruled\",\"password\":\"ruled-pass-1\"}",
                admin()));
        Map<String, Supplier<Answer>> c = new LinkedHashMap<>();
        c.put("GET /health", () -> get("/health", null));
        c.put("GET /health/ready", () -> get("/health/ready", null));
        c.put("GET /metrics", () -> get("/metrics", admin()));
        c.put("POST /api/v1/auth/setup", () -> post("/api/v1/auth/setup",
                "{\"username\":\"x\",\"password\":\"another-pass-1\",\"setupToken\":\"used\"}", null));
        c.put("POST /api/v1/auth/login", () -> post("/api/v1/auth/login",
                "{\"username\":\"admin\",\"password\":\"" + IntegrationServer.ADMIN_PASSWORD + "\"}", null));
        c.put("POST /api/v1/auth/plex/pin", () -> post("/api/v1/auth/plex/pin", null, null));
        c.put("GET /api/v1/auth/plex/pin/{id}", () -> get("/api/v1/auth/plex/pin/" + pin, null));
        c.put("POST /api/v1/auth/plex/verify", () -> post("/api/v1/auth/plex/verify", "{\"pinId\":\"" + pin + "\"}",
                null));
        c.put("GET /api/v1/auth/session", () -> get("/api/v1/auth/session", member));
        c.put("POST /api/v1/auth/logout", () -> post("/api/v1/auth/logout", null, server.login("member",
                "member-password-1")));
        c.put("POST /api/v1/auth/password", () -> post("/api/v1/auth/password",
                "{\"currentPassword\":\"throwaway-password-1\",\"newPassword\":\"throwaway-password-2\"}", throwaway));
        c.put("GET /api/v1/admin/users", () -> get("/api/v1/admin/users", admin()));
        c.put("POST /api/v1/admin/users", () -> post("/api/v1/admin/users",
                "{\"username\":\"created\",\"password\":\"created-pass-1\"}", admin()));
        c.put("PATCH /api/v1/admin/users/{id}", () -> Answer.of(server.http().send("PATCH",
                "/api/v1/admin/users/" + spareUser, "{\"role\":\"admin\"}", "Authorization", "Bearer " + admin())));
        c.put("DELETE /api/v1/admin/users/{id}", () -> Answer.of(server.delete("/api/v1/admin/users/" + spareUser,
                admin())));
        c.put("GET /api/v1/admin/api-keys", () -> get("/api/v1/admin/api-keys", admin()));
        c.put("POST /api/v1/admin/api-keys", () -> post("/api/v1/admin/api-keys",
                "{\"name\":\"script\",\"role\":\"user\"}", admin()));
        c.put("DELETE /api/v1/admin/api-keys/{id}", () -> Answer.of(server.delete("/api/v1/admin/api-keys/" + keyId,
                admin())));
        c.put("GET /api/v1/admin/settings", () -> get("/api/v1/admin/settings", admin()));
        c.put("PUT /api/v1/admin/settings", () -> Answer.of(server.put("/api/v1/admin/settings",
                "{\"plexNewUsersAllowed\":true}", admin())));
        c.put("POST /api/v1/media/requests", () -> post("/api/v1/media/requests", "{\"mediaType\":\"movie\","
                + "\"tmdbId\":" + movies.get(2) + ",\"title\":\"D\"}", member2));
        c.put("GET /api/v1/media/requests", () -> get("/api/v1/media/requests", member));
        c.put("GET /api/v1/media/requests/counts", () -> get("/api/v1/media/requests/counts", member));
        c.put("GET /api/v1/media/requests/{id}", () -> get("/api/v1/media/requests/" + pending, member));
        c.put("DELETE /api/v1/media/requests/{id}", () -> Answer.of(server.delete("/api/v1/media/requests/" + pending,
                member)));
        c.put("GET /api/v1/admin/requests", () -> get("/api/v1/admin/requests", admin()));
        c.put("POST /api/v1/admin/requests/bulk", () -> post("/api/v1/admin/requests/bulk", "{\"ids\":[\"" + forNotice
                + "\",\"" + UUID.randomUUID() + "\"],\"action\":\"approve\"}", admin()));
        c.put("POST /api/v1/admin/requests/{id}/approve", () -> post("/api/v1/admin/requests/" + toApprove
                + "/approve", null, admin()));
        c.put("POST /api/v1/admin/requests/{id}/decline", () -> post("/api/v1/admin/requests/" + toDecline
                + "/decline", "{\"reason\":\"not now\"}", admin()));
        c.put("POST /api/v1/webhooks/overseerr", () -> Answer.of(server.http().send("POST",
                "/api/v1/webhooks/overseerr", "{\"notification_type\":\"TEST_NOTIFICATION\"}", "Authorization",
                "hook-secret")));
        c.put("GET /api/v1/dashboard/stats", () -> get("/api/v1/dashboard/stats", member));
        c.put("GET /api/v1/dashboard/status", () -> get("/api/v1/dashboard/status", member));
        c.put("GET /api/v1/dashboard/status/{service}", () -> get("/api/v1/dashboard/status/" + service, member));
        c.put("GET /api/v1/dashboard/notifications", () -> get("/api/v1/dashboard/notifications", member2));
        c.put("POST /api/v1/dashboard/notifications/{id}/read", () -> post("/api/v1/dashboard/notifications/"
                + notification + "/read", null, member2));
        c.put("GET /api/v1/events", () -> headOnly("/api/v1/events", member));
        c.put("GET /api/v1/performance/metrics", () -> get("/api/v1/performance/metrics", admin()));
        c.put("GET /api/v1/performance/history", () -> get("/api/v1/performance/history?window=1h", admin()));
        c.put("GET /api/v1/performance/report", () -> get("/api/v1/performance/report", admin()));
        c.put("GET /api/v1/performance/alerts", () -> get("/api/v1/performance/alerts", admin()));
        c.put("POST /api/v1/performance/alerts/{id}/ack", () -> post("/api/v1/performance/alerts/" + UUID.randomUUID()
                + "/ack", null, admin()));
        c.put("GET /api/v1/admin/alert-rules", () -> get("/api/v1/admin/alert-rules", admin()));
        c.put("PUT /api/v1/admin/alert-rules", () -> Answer.of(server.put("/api/v1/admin/alert-rules",
                "{\"rules\":" + rules + "}", admin())));
        c.put("GET /api/v1/admin/feature-flags", () -> get("/api/v1/admin/feature-flags", admin()));
        c.put("PUT /api/v1/admin/feature-flags", () -> Answer.of(server.put("/api/v1/admin/feature-flags",
                "{\"route-metrics\":true}", admin())));
        c.put("POST /api/v1/admin/cache/flush", () -> post("/api/v1/admin/cache/flush", "{}", admin()));
        c.put("GET /api/v1/resilience/circuit-breakers", () -> get("/api/v1/resilience/circuit-breakers", admin()));
        c.put("POST /api/v1/admin/circuit-breakers/{name}/reset", () -> post(
                "/api/v1/admin/circuit-breakers/plex/reset", null, admin()));
        c.put("GET /api/v1/admin/services", () -> get("/api/v1/admin/services", admin()));
        c.put("PUT /api/v1/admin/services/{name}", () -> Answer.of(server.put("/api/v1/admin/services/plex",
                "{\"url\":\"" + plex.baseUrl() + "\",\"apiKey\":\"" + FakePlex.DEFAULT_TOKEN + "\",\"enabled\":true}",
                admin())));
        c.put("POST /api/v1/admin/services/{name}/test", () -> post("/api/v1/admin/services/plex/test", null,
                admin()));
        c.put("GET /api/v1/plex/server", () -> get("/api/v1/plex/server", member));
        c.put("GET /api/v1/plex/libraries", () -> get("/api/v1/plex/libraries", member));
        c.put("GET /api/v1/plex/libraries/{key}/items", () -> get("/api/v1/plex/libraries/1/items?limit=5", member));
        c.put("GET /api/v1/plex/search", () -> get("/api/v1/plex/search?query=the", member));
        c.put("GET /api/v1/plex/recently-added", () -> get("/api/v1/plex/recently-added", member));
        c.put("GET /api/v1/plex/libraries/{key}/collections", () -> get("/api/v1/plex/libraries/1/collections",
                member));
        c.put("GET /api/v1/plex/collections/{key}", () -> get("/api/v1/plex/collections/" + collection, member));
        c.put("POST /api/v1/youtube/downloads", () -> post("/api/v1/youtube/downloads",
                "{\"url\":\"https://www.youtube.com/watch?v=abcdefghijk\"}", member2));
        c.put("GET /api/v1/youtube/downloads", () -> get("/api/v1/youtube/downloads", member));
        c.put("GET /api/v1/youtube/downloads/{id}", () -> get("/api/v1/youtube/downloads/" + download, member));
        c.put("DELETE /api/v1/youtube/downloads/{id}", () -> Answer.of(server.delete("/api/v1/youtube/downloads/"
                + download, member)));
        c.put("GET /api/v1/youtube/metadata", () -> get("/api/v1/youtube/metadata?url=https://youtu.be/dQw4w9WgXcQ",
                member));
        c.put("GET /api/v1/media/search", () -> get("/api/v1/media/search?query=the", member));
        c.put("GET /api/v1/media/movie/{tmdbId}", () -> get("/api/v1/media/movie/" + movieId, member));
        c.put("GET /api/v1/media/tv/{tmdbId}", () -> get("/api/v1/media/tv/" + showId, member));
        c.put("GET /api/v1/media/{type}/{tmdbId}", () -> get("/api/v1/media/music/" + movieId, member));
        c.put("GET /api/v1/admin/stats", () -> get("/api/v1/admin/stats", admin()));
        c.put("GET /api/v1/admin/backups", () -> get("/api/v1/admin/backups", admin()));
        c.put("POST /api/v1/admin/backups", () -> post("/api/v1/admin/backups", null, admin()));
        c.put("GET /api/v1/me/quota", () -> get("/api/v1/me/quota", member));
        c.put("GET /api/v1/admin/request-rules", () -> get("/api/v1/admin/request-rules", admin()));
        c.put("PUT /api/v1/admin/request-rules", () -> Answer.of(server.put("/api/v1/admin/request-rules",
                "{\"movieLimit\":0,\"movieDays\":7}", admin())));
        c.put("GET /api/v1/admin/users/{id}/request-rules", () -> get("/api/v1/admin/users/" + ruled
                + "/request-rules", admin()));
        c.put("PUT /api/v1/admin/users/{id}/request-rules", () -> Answer.of(server.put("/api/v1/admin/users/" + ruled
                + "/request-rules", "{\"movieLimit\":3}", admin())));
        c.put("GET /api/v1/admin/notification-channels", () -> get("/api/v1/admin/notification-channels", admin()));
        c.put("PUT /api/v1/admin/notification-channels/{name}", () -> Answer.of(server.put(
                "/api/v1/admin/notification-channels/ntfy", "{\"enabled\":false}", admin())));
        c.put("POST /api/v1/admin/notification-channels/{name}/test", () -> post(
                "/api/v1/admin/notification-channels/ntfy/test", null, admin()));
        c.put("GET /api/v1/me/notification-settings", () -> get("/api/v1/me/notification-settings", member));
        c.put("PUT /api/v1/me/notification-settings", () -> Answer.of(server.put("/api/v1/me/notification-settings",
                "{\"channels\":{\"email\":[\"request.approved\"]}}", member)));
        c.put("GET /api/v1/openapi.json", () -> get("/api/v1/openapi.json", null));
        c.put("GET /api/v1/docs", () -> get("/api/v1/docs", null));
        c.put("GET /api/v1/docs/{file}", () -> get("/api/v1/docs/docs-init.js", null));
        return c;
    }
}
