package app.medianest.server.services;

import app.medianest.fakes.FakeOverseerr;
import app.medianest.fakes.FakePlex;
import app.medianest.fakes.FakeUptimeKuma;
import app.medianest.fakes.FakeYtDlp;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.IntegrationServer;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /api/v1/admin/services}: listing, validated changes with the API key encrypted at rest and never
 * returned, environment overrides, and connection tests against the fakes. Runs on H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class AdminServicesTest {
    private static final String SECRET = "overseerr-secret-key-4711";
    private static final Map<DbKind, TestDatabase> DATABASES = new EnumMap<>(DbKind.class);
    private static final Map<DbKind, IntegrationServer> SERVERS = new EnumMap<>(DbKind.class);
    private static FakePlex plex;
    private static FakeOverseerr overseerr;
    private static FakeUptimeKuma kuma;
    private static Path ytDlp;

    @Parameter
    DbKind kind;

    private IntegrationServer server;
    private String admin;

    @BeforeAll
    static void fakes() {
        plex = FakePlex.start();
        overseerr = FakeOverseerr.start();
        kuma = FakeUptimeKuma.start();
        ytDlp = FakeYtDlp.installTemp();
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(IntegrationServer::close);
        DATABASES.values().forEach(TestDatabase::close);
        plex.close();
        overseerr.close();
        kuma.close();
    }

    @BeforeEach
    void server() {
        server = SERVERS.computeIfAbsent(kind, k -> {
            TestDatabase db = TestDatabase.create(k);
            DATABASES.put(k, db);
            // Plex comes from the environment (an unattended install); the others are configured through the API.
            return IntegrationServer.start(db, Clock.systemUTC(), Map.of("plex.url", plex.baseUrl() + "/",
                    "plex.token", FakePlex.DEFAULT_TOKEN, "youtube.ytdlp-path", ytDlp.toString()));
        });
        admin = server.adminToken();
    }

    @Test
    void listShowsEveryServiceAndWhereItsValuesComeFrom() {
        var r = server.get("/api/v1/admin/services", admin);
        assertEquals(200, r.status(), r.body());
        List<String> names = new ArrayList<>();
        r.data().forEach(s -> names.add(s.get("name").asText()));
        assertEquals(List.of("plex", "overseerr", "uptime-kuma", "youtube"), names);
        JsonNode plexView = find(r, "plex");
        assertEquals(plex.baseUrl(), plexView.get("url").asText(), "trailing slash trimmed");
        assertTrue(plexView.get("enabled").asBoolean(), "an address from the environment enables the service");
        assertTrue(plexView.get("hasApiKey").asBoolean());
        assertEquals(List.of("MEDIANEST_PLEX_URL", "MEDIANEST_PLEX_TOKEN"), texts(plexView.get("overriddenBy")));
        assertFalse(r.body().contains(FakePlex.DEFAULT_TOKEN), "the token is never returned");
        assertEquals(ytDlp.toString(), find(r, "youtube").at("/settings/ytdlpPath").asText());
        assertEquals(403, server.get("/api/v1/admin/services", server.newUser("nosy-" + kind)).status());
    }

    @Test
    void apiKeyIsStoredEncryptedAndNeverReturned() {
        var put = server.put("/api/v1/admin/services/overseerr", "{\"url\":\"" + overseerr.apiBaseUrl()
                + "\",\"apiKey\":\"" + SECRET + "\",\"enabled\":true}", admin);
        assertEquals(200, put.status(), put.body());
        assertTrue(put.data().get("hasApiKey").asBoolean());
        assertFalse(put.body().contains(SECRET));
        assertFalse(server.get("/api/v1/admin/services", admin).body().contains(SECRET));
        String stored = server.http().server().components().database().jdbc()
                .queryOne("SELECT api_key_enc FROM service_config WHERE name = ?", row -> row.string("api_key_enc"),
                        "overseerr").orElseThrow();
        assertTrue(stored.startsWith("v1:") && !stored.contains(SECRET), "ciphertext at rest: " + stored);

        var keep = server.put("/api/v1/admin/services/overseerr", "{\"url\":\"" + overseerr.apiBaseUrl()
                + "\",\"enabled\":true}", admin);
        assertTrue(keep.data().get("hasApiKey").asBoolean(), "an absent apiKey keeps the stored one");
        var cleared = server.put("/api/v1/admin/services/overseerr", "{\"url\":\"" + overseerr.apiBaseUrl()
                + "\",\"apiKey\":\"\",\"enabled\":false}", admin);
        assertFalse(cleared.data().get("hasApiKey").asBoolean(), "an empty apiKey removes it");
        assertFalse(cleared.data().get("enabled").asBoolean());
    }

    @Test
    void invalidChangesAre400WithTheFieldNamed() {
        assertField("overseerr", "{\"url\":\"ftp://nas/api\",\"enabled\":true}", "url");
        assertField("overseerr", "{\"url\":\"not a url\",\"enabled\":true}", "url");
        assertField("overseerr", "{\"url\":\"http://user:pw@host:5055\",\"enabled\":true}", "url");
        assertField("overseerr", "{\"enabled\":true}", "url");
        assertField("overseerr", "{\"url\":\"http://overseerr:5055/api/v1\"}", "enabled");
        assertField("uptime-kuma", "{\"url\":\"http://kuma:3001\",\"enabled\":true,\"settings\":{\"slug\":\"a b\"}}",
                "settings.slug");
        assertField("uptime-kuma", "{\"url\":\"http://kuma:3001\",\"enabled\":true,\"settings\":{\"colour\":\"x\"}}",
                "settings.colour");
        assertField("youtube", "{\"url\":\"http://youtube.com\",\"enabled\":true}", "url");
        assertField("youtube", "{\"enabled\":true,\"settings\":{\"ytdlpPath\":\"/bin/sh\"}}", "settings.ytdlpPath");
        assertField("youtube", "{\"enabled\":true,\"settings\":{\"downloadDir\":\"relative/dir\"}}",
                "settings.downloadDir");
        var unknown = server.put("/api/v1/admin/services/sonarr", "{\"enabled\":true}", admin);
        assertEquals(404, unknown.status());
        assertEquals("SERVICE_NOT_FOUND", unknown.errorCode());
        assertEquals("BAD_JSON", server.put("/api/v1/admin/services/plex", "{", admin).errorCode());
        assertEquals(415, server.http().send("PUT", "/api/v1/admin/services/plex", "x", "Content-Type", "text/plain",
                "Authorization", "Bearer " + admin).status());
    }

    @Test
    void testTriesEachServiceNow() {
        var plexTest = server.post("/api/v1/admin/services/plex/test", null, admin);
        assertEquals(200, plexTest.status(), plexTest.body());
        assertTrue(plexTest.data().get("ok").asBoolean(), plexTest.body());
        assertTrue(plexTest.data().get("message").asText().contains(plex.friendlyName()));
        assertTrue(plexTest.data().get("responseTimeMs").asLong() >= 0);

        configure("overseerr", overseerr.apiBaseUrl(), FakeOverseerr.DEFAULT_API_KEY, "");
        var o = server.post("/api/v1/admin/services/overseerr/test", null, admin).data();
        assertTrue(o.get("ok").asBoolean(), o.toString());
        assertTrue(o.get("message").asText().contains(FakeOverseerr.VERSION), o.toString());

        configure("overseerr", overseerr.apiBaseUrl(), "wrong-key", "");
        var rejected = server.post("/api/v1/admin/services/overseerr/test", null, admin).data();
        assertFalse(rejected.get("ok").asBoolean());
        assertTrue(rejected.get("message").asText().contains("rejected"), rejected.toString());
        assertFalse(rejected.toString().contains("wrong-key"));

        configure("uptime-kuma", kuma.baseUrl(), null, ",\"settings\":{\"slug\":\"default\"}");
        var k = server.post("/api/v1/admin/services/uptime-kuma/test", null, admin).data();
        assertTrue(k.get("ok").asBoolean(), k.toString());
        assertTrue(k.get("message").asText().contains("5 monitors"), k.toString());

        var y = server.post("/api/v1/admin/services/youtube/test", null, admin).data();
        assertTrue(y.get("ok").asBoolean(), y.toString());
        assertTrue(y.get("message").asText().startsWith("yt-dlp 20"), y.toString());

        configure("uptime-kuma", "http://127.0.0.1:1", null, "");
        var down = server.post("/api/v1/admin/services/uptime-kuma/test", null, admin).data();
        assertFalse(down.get("ok").asBoolean());
        assertTrue(down.get("message").asText().contains("unreachable"), down.toString());
        assertEquals(404, server.post("/api/v1/admin/services/radarr/test", null, admin).status());
    }

    private void configure(String name, String url, String key, String extra) {
        var r = server.put("/api/v1/admin/services/" + name, "{\"url\":\"" + url + "\",\"enabled\":true"
                + (key == null ? "" : ",\"apiKey\":\"" + key + "\"") + extra + "}", admin);
        assertEquals(200, r.status(), r.body());
    }

    private void assertField(String service, String body, String field) {
        var r = server.put("/api/v1/admin/services/" + service, body, admin);
        assertEquals(400, r.status(), body + " -> " + r.body());
        assertEquals("VALIDATION_ERROR", r.errorCode());
        assertTrue(r.json().at("/error/details").has(field), field + " named in " + r.body());
    }

    private static JsonNode find(TestServer.Res r, String name) {
        for (JsonNode s : r.data()) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError(name + " missing in " + r.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
