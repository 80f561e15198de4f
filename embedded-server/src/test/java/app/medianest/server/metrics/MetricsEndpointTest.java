package app.medianest.server.metrics;

import app.medianest.model.Role;
import app.medianest.server.testing.Accounts;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.Fixtures;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /metrics}: who may read it, and that it is valid Prometheus text with the meters the console needs. */
class MetricsEndpointTest {
    private static final String TOKEN = "metrics-token-for-tests-0123456789";
    private static TestDatabase db;
    private static TestServer server;
    private static String admin;
    private static String user;

    @BeforeAll
    static void start() {
        db = TestDatabase.create(DbKind.H2);
        server = TestServer.start(db, Clock.systemUTC(), Map.of("metrics.token", TOKEN));
        var jdbc = server.server().components().database().jdbc();
        admin = Accounts.session(server, Fixtures.user(jdbc, "admin", Role.ADMIN).id());
        user = Accounts.session(server, Fixtures.user(jdbc, "someone", Role.USER).id());
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @Test
    void onlyAdminsAndTheMetricsTokenMayRead() {
        assertEquals(401, server.get("/metrics").status());
        assertEquals(401, server.get("/metrics", "Authorization", "Bearer wrong-token").status());
        assertEquals(403, server.get("/metrics", Accounts.bearer(user)).status());
        assertEquals(200, server.get("/metrics", Accounts.bearer(admin)).status());
        assertEquals(200, server.get("/metrics", "Authorization", "Bearer " + TOKEN).status());
        var sessions = server.server().components().sessions();
        UUID creator = UUID.fromString(server.get("/api/v1/auth/session", Accounts.bearer(admin)).data()
                .at("/user/id").asText());
        assertEquals(200, server.get("/metrics", "X-Api-Key", sessions.newApiKey(UUID.randomUUID(), "prometheus",
                Role.ADMIN, creator)).status());
        assertEquals(403, server.get("/metrics", "X-Api-Key", sessions.newApiKey(UUID.randomUUID(), "tool",
                Role.USER, creator)).status());
        var refused = server.get("/metrics");
        assertEquals("UNAUTHORIZED", refused.errorCode(), "refusals use the standard error envelope");
    }

    @Test
    void metricsCanBeMadePublic() {
        try (TestDatabase other = TestDatabase.create(DbKind.H2);
             TestServer open = TestServer.start(other, Clock.systemUTC(), Map.of("metrics.public", "true"))) {
            assertEquals(200, open.get("/metrics").status());
        }
    }

    @Test
    void theExpositionIsValidPrometheusTextWithEveryMeterFamily() {
        String[] auth = Accounts.bearer(admin);
        for (int i = 0; i < 30; i++) {
            server.get("/api/v1/auth/session", auth);
        }
        String rawId = UUID.randomUUID().toString();
        assertEquals(404, server.post("/api/v1/performance/alerts/" + rawId + "/ack", null, auth).status());
        server.get("/no/such/route/" + rawId);
        var r = server.get("/metrics", auth);
        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").startsWith("text/plain; version=0.0.4"), r.header("Content-Type"));
        PrometheusText.Exposition e = PrometheusText.parse(r.body());

        assertEquals("histogram", e.types().get("http_server_requests_seconds"));
        Map<String, String> session = Map.of("method", "GET", "route", "/api/v1/auth/session", "status", "2xx");
        assertTrue(e.has("http_server_requests_seconds_bucket", session), "all-time histogram buckets per route");
        assertTrue(e.named("http_server_requests_seconds_count").stream().anyMatch(s -> s.labels().equals(session)
                && s.value() >= 30));
        for (String phi : new String[] {"0.5", "0.95", "0.99"}) {
            Map<String, String> labels = new java.util.HashMap<>(session);
            labels.put("phi", phi);
            assertTrue(e.has("http_server_requests_percentile_seconds", labels), "window percentile " + phi);
        }
        assertTrue(e.has("http_server_requests_seconds_count", Map.of("route", "/api/v1/performance/alerts/{id}/ack",
                "status", "4xx")), "the route template, not the path");
        assertTrue(e.has("http_server_requests_seconds_count", Map.of("route", "unmatched", "status", "4xx")));
        assertFalse(r.body().contains(rawId), "raw paths never become labels");

        for (String pool : new String[] {"hikaricp_connections_active", "hikaricp_connections_idle",
            "hikaricp_connections_pending", "hikaricp_connections_max", "hikaricp_connections_acquire_seconds_count"}) {
            assertTrue(e.has(pool, Map.of("pool", "medianest-db")), pool);
        }
        assertTrue(e.has("cache_gets_total", Map.of("cache", "sessions", "result", "hit")));
        assertTrue(e.has("cache_gets_total", Map.of("cache", "http.auth-session", "result", "miss")));
        assertTrue(e.has("cache_evictions_total", Map.of("cache", "sessions")));
        assertTrue(e.has("medianest_breakers", Map.of()), "breaker meters exist before any breaker does");
        assertTrue(e.has("medianest_breakers_open", Map.of()));
        assertTrue(e.has("jvm_memory_used_bytes", Map.of("area", "heap")));
        assertTrue(e.has("jvm_memory_used_bytes", Map.of("area", "nonheap")));
        assertTrue(e.has("jvm_gc_memory_allocated_bytes_total", Map.of()));
        assertTrue(e.has("jvm_threads_live_threads", Map.of()));
        assertTrue(e.has("process_memory_rss_bytes", Map.of()), "RSS from /proc/self/status (Linux)");
        assertTrue(e.named("db_query_seconds_count").stream().anyMatch(s -> s.label("statement").contains("?")),
                "statement timers by shape");
        assertTrue(e.has("db_query_slow_total", Map.of("level", "warning")));
        assertTrue(e.has("db_query_slow_total", Map.of("level", "critical")));
    }

    @Test
    void theParserRejectsInvalidText() {
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("up 1\n"), "no TYPE");
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("# TYPE up gauge\nup{a=\"1} 1\n"));
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("# TYPE up gauge\nup one\n"));
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("# TYPE up gauge\nup 1\nup 2\n"));
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse(
                "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\nh_sum 0\n"));
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse(
                "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\nh_sum 0\n"), "no +Inf bucket");
        assertEquals(1, PrometheusText.parse("# HELP up ok\n# TYPE up gauge\nup{a=\"x\\\"y\"} 1e3\n").samples().size());
    }
}
