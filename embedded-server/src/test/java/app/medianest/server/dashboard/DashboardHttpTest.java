package app.medianest.server.dashboard;

import app.medianest.model.ServiceState;
import app.medianest.model.ServiceStatusView;
import app.medianest.server.testing.Api;
import app.medianest.server.testing.Api.Caller;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.ServerPerKind;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;

import static app.medianest.server.testing.Api.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/dashboard/stats}, {@code /status}, {@code /status/{service}} on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class DashboardHttpTest {
    private static final ServerPerKind SERVERS = new ServerPerKind();
    private static final Instant CHECKED = Instant.parse("2026-03-01T10:00:00Z");

    @Parameter
    DbKind kind;

    private Api api;
    private Caller alice;
    private Caller bob;

    @AfterAll
    static void close() {
        SERVERS.close();
    }

    @BeforeEach
    void clean() {
        api = new Api(SERVERS.get(kind));
        SERVERS.db(kind).truncateAll();
        alice = api.user("alice");
        bob = api.user("bob");
        api.server().server().components().serviceStatus().upsertAll(List.of(
                new ServiceStatusView("plex", "Plex Media Server", ServiceState.UP, 35, 99.9, 99.5, CHECKED, "OK"),
                new ServiceStatusView("overseerr", "Overseerr", ServiceState.DOWN, null, 80.0, 95.0, CHECKED,
                        "Connection refused"),
                new ServiceStatusView("uptime-kuma", "Uptime Kuma", ServiceState.DEGRADED, 900, null, null, CHECKED,
                        "Slow"),
                new ServiceStatusView("youtube", "YouTube downloader", ServiceState.UNKNOWN, null, null, null, null,
                        null)));
    }

    @Test
    void statsShowMyNewestRequestsCountsAndServiceSummary() {
        for (int i = 0; i < 7; i++) {
            api.request(alice, "movie", 10 + i, "Movie " + i);
        }
        api.request(bob, "movie", 99, "Bob's");
        var r = api.get(alice, "/api/v1/dashboard/stats");
        assertEquals(200, r.status(), r.body());
        JsonNode d = r.data();
        assertEquals("alice", d.at("/user/username").asText());
        assertEquals(alice.id().toString(), d.at("/user/id").asText());
        assertEquals("user", d.at("/user/role").asText());
        JsonNode recent = d.at("/requests/recent");
        assertEquals(5, recent.size());
        assertEquals("Movie 6", recent.get(0).get("title").asText());
        assertEquals("Movie 2", recent.get(4).get("title").asText());
        assertEquals(7, d.at("/requests/counts/pending").asInt());
        assertEquals(7, d.at("/requests/counts/total").asInt());
        assertTrue(d.get("recentlyAdded").isArray());
        assertEquals(0, d.get("recentlyAdded").size(), "Plex is not configured");
        assertEquals("{\"up\":1,\"down\":1,\"degraded\":1}", d.get("services").toString());
        assertEquals("private, max-age=0, must-revalidate", r.header("Cache-Control"));
        assertEquals(304, api.get(alice, "/api/v1/dashboard/stats", "If-None-Match", r.header("ETag")).status());
    }

    @Test
    void statusListsEveryServiceByName() {
        var r = api.get(alice, "/api/v1/dashboard/status");
        assertEquals(200, r.status(), r.body());
        assertEquals(4, r.data().size());
        JsonNode overseerr = r.data().get(0);
        assertEquals("overseerr", overseerr.get("name").asText());
        assertEquals("Overseerr", overseerr.get("displayName").asText());
        assertEquals("down", overseerr.get("status").asText());
        assertTrue(overseerr.get("responseTimeMs").isNull());
        assertEquals(80.0, overseerr.get("uptime24h").asDouble());
        assertEquals(95.0, overseerr.get("uptime30d").asDouble());
        assertEquals("2026-03-01T10:00:00Z", overseerr.get("lastCheckAt").asText());
        assertEquals("Connection refused", overseerr.get("message").asText());
        assertEquals(304, api.get(alice, "/api/v1/dashboard/status", "If-None-Match", r.header("ETag")).status());
    }

    @Test
    void oneServiceOr404() {
        var plex = api.get(bob, "/api/v1/dashboard/status/plex");
        assertEquals(200, plex.status());
        assertEquals("up", plex.data().get("status").asText());
        assertEquals(35, plex.data().get("responseTimeMs").asInt());
        assertError(api.get(bob, "/api/v1/dashboard/status/jellyfin"), 404, "SERVICE_NOT_FOUND");
        assertError(api.get(bob, "/api/v1/dashboard/status/a%00b"), 404, "SERVICE_NOT_FOUND");
        assertError(api.get(bob, "/api/v1/dashboard/status/" + "x".repeat(300)), 404, "SERVICE_NOT_FOUND");
    }

    @Test
    void dashboardNeedsASignedInCaller() {
        assertError(api.server().get("/api/v1/dashboard/stats"), 401, "UNAUTHORIZED");
        assertError(api.server().get("/api/v1/dashboard/status"), 401, "UNAUTHORIZED");
        assertError(api.server().get("/api/v1/dashboard/status/plex"), 401, "UNAUTHORIZED");
    }
}
