package app.medianest.server.metrics;

import app.medianest.model.Role;
import app.medianest.server.Components;
import app.medianest.server.http.Json;
import app.medianest.server.testing.Accounts;
import app.medianest.server.testing.DatabasePerKind;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.Fixtures;
import app.medianest.server.testing.ManualClock;
import app.medianest.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The performance routes over HTTP on a fake clock: the snapshot, history, report (on demand and
 * scheduled), feature flags and alert rules (validated, persisted across a restart) and alerts.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class PerformanceRoutesTest {
    private static final DatabasePerKind DATABASES = new DatabasePerKind();

    @Parameter
    DbKind kind;

    private ManualClock clock;
    private TestServer server;
    private String[] admin;
    private String[] user;

    @BeforeEach
    void start() {
        var db = DATABASES.get(kind);
        db.truncateAll();
        db.open().jdbc().update("DELETE FROM perf_rollups");
        clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(5));
        server = TestServer.start(db, clock, Map.of("perf.report.keep", "2"));
        var jdbc = server.server().components().database().jdbc();
        admin = Accounts.bearer(Accounts.session(server, Fixtures.user(jdbc, "admin", Role.ADMIN).id()));
        user = Accounts.bearer(Accounts.session(server, Fixtures.user(jdbc, "someone", Role.USER).id()));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    private Components components() {
        return server.server().components();
    }

    /** Some traffic, then the clock moves {@code seconds} while the sampler takes readings every 5 s. */
    private void trafficFor(int seconds) {
        for (int t = 0; t < seconds; t += 5) {
            for (int i = 0; i < 4; i++) {
                server.get("/api/v1/auth/session", user);
            }
            server.get("/nowhere");
            components().perf().monitor().sample();
            clock.advanceSeconds(5);
        }
        components().perf().monitor().sample();
    }

    @Test
    void theSnapshotCoversRoutesJvmPoolCachesAndBreakers() {
        trafficFor(20);
        var r = server.get("/api/v1/performance/metrics", admin);
        assertEquals(200, r.status(), r.body());
        JsonNode d = r.data();
        assertTrue(d.get("uptimeSeconds").asLong() >= 20);
        assertTrue(d.at("/overall/windowRequests").asLong() >= 20);
        assertTrue(d.at("/overall/throughput").asDouble() > 0);
        assertTrue(d.at("/overall/p95Ms").isNumber());
        JsonNode session = route(d, "GET", "/api/v1/auth/session");
        assertTrue(session.get("count").asLong() >= 16);
        assertEquals(0.0, session.get("errorRate").asDouble());
        assertTrue(session.get("p50Ms").asDouble() <= session.get("p95Ms").asDouble());
        assertTrue(session.get("p95Ms").asDouble() <= session.get("p99Ms").asDouble());
        assertTrue(route(d, "GET", "unmatched").get("errors4xx").asLong() >= 4);
        assertTrue(d.at("/jvm/heapUsedMb").asDouble() > 0);
        assertTrue(d.at("/jvm/memoryMb").asDouble() > 0);
        assertEquals(10, d.at("/db/max").asInt());
        assertTrue(d.at("/db/usagePercent").isNumber());
        assertTrue(d.at("/db/queries").asLong() > 0);
        assertTrue(d.at("/caches/caches").findValuesAsText("name").contains("sessions"));
        assertTrue(d.at("/caches/hitRate").asDouble() > 50, "repeated session reads hit the token cache");
        assertTrue(d.get("breakers").isArray());
        assertEquals(403, server.get("/api/v1/performance/metrics", user).status());
    }

    private static JsonNode route(JsonNode snapshot, String method, String template) {
        for (JsonNode r : snapshot.get("routes")) {
            if (r.get("method").asText().equals(method) && r.get("route").asText().equals(template)) {
                return r;
            }
        }
        throw new AssertionError("no route " + method + " " + template + " in " + snapshot.get("routes"));
    }

    @Test
    void minuteRollupsFeedTheHistoryAndTheReports() throws Exception {
        Instant from = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        trafficFor(185);
        long stored = components().database().jdbc().queryLong("SELECT COUNT(*) FROM perf_rollups");
        assertTrue(stored >= 3, "a rollup per minute is stored, got " + stored);

        var history = server.get("/api/v1/performance/history?window=1h", admin);
        assertEquals(200, history.status(), history.body());
        assertEquals(60, history.data().get("stepSeconds").asInt());
        JsonNode points = history.data().get("points");
        assertTrue(points.size() >= 3, points.toString());
        assertTrue(points.get(0).get("requests").asLong() > 0);
        assertEquals(200, server.get("/api/v1/performance/history?window=24h", admin).status());
        assertEquals("VALIDATION_ERROR", server.get("/api/v1/performance/history?window=2h", admin).errorCode());

        var report = server.get("/api/v1/performance/report?from=" + from + "&to=" + clock.instant(), admin);
        assertEquals(200, report.status(), report.body());
        JsonNode d = report.data();
        assertTrue(d.get("requests").asLong() >= 5 * 37, d.toString());
        assertTrue(d.get("coveredMinutes").asLong() >= 3);
        assertTrue(d.get("p95Ms").isNumber());
        assertTrue(d.at("/memory/heapMaxMb").asDouble() > 0);
        assertTrue(d.at("/pool/max").asInt() > 0);
        assertTrue(d.at("/caches/hitRate").asDouble() > 50);
        assertEquals("/api/v1/auth/session", d.at("/routes/0/route").asText());

        Path json = components().perf().reportWriter().writeScheduled();
        assertTrue(Files.exists(json));
        assertTrue(Files.readString(json.resolveSibling(json.getFileName().toString().replace(".json", ".html")))
                .contains("/api/v1/auth/session"));
        var written = Json.MAPPER.readTree(Files.readString(json));
        assertTrue(written.get("requests").asLong() > 0);
        for (int i = 0; i < 3; i++) {
            clock.advanceSeconds(60);
            components().perf().reportWriter().writeScheduled();
        }
        try (Stream<Path> files = Files.list(json.getParent())) {
            assertEquals(4, files.count(), "perf.report.keep=2: two reports, JSON and HTML each");
        }
    }

    @Test
    void reportPeriodsAreValidated() {
        assertEquals(200, server.get("/api/v1/performance/report", admin).status(), "default: the last 24 h");
        var bad = server.get("/api/v1/performance/report?from=yesterday", admin);
        assertEquals(400, bad.status());
        assertEquals("VALIDATION_ERROR", bad.errorCode());
        assertTrue(bad.json().at("/error/details/from").asText().contains("ISO-8601"));
        assertEquals(400, server.get("/api/v1/performance/report?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z",
                admin).status());
        assertEquals(400, server.get("/api/v1/performance/report?from=2020-01-01T00:00:00Z&to=2026-11-01T00:00:00Z",
                admin).status(), "longer than the retention");
        assertEquals(403, server.get("/api/v1/performance/report", user).status());
    }

    @Test
    void featureFlagsSwitchAtRuntimeAndSurviveARestart() {
        var list = server.get("/api/v1/admin/feature-flags", admin);
        assertEquals(200, list.status());
        assertTrue(list.data().findValuesAsText("name").containsAll(List.of("response-cache", "session-cache",
                "data-cache", "stale-fallback", "route-metrics", "query-metrics")));
        var off = server.send("PUT", "/api/v1/admin/feature-flags", "{\"session-cache\": false}", admin);
        assertEquals(200, off.status(), off.body());
        assertFalse(flag(off.data(), "session-cache"));
        for (int i = 0; i < 3; i++) {
            server.get("/api/v1/auth/session", user);
        }
        long hitsBefore = sessionsCache().get("hits").asLong();
        server.get("/api/v1/auth/session", user);
        assertEquals(hitsBefore, sessionsCache().get("hits").asLong(), "the token cache is not used while off");
        assertFalse(sessionsCache().get("enabled").asBoolean(), "the snapshot shows the cache as switched off");

        var unknown = server.send("PUT", "/api/v1/admin/feature-flags", "{\"turbo\": true, \"data-cache\": false}",
                admin);
        assertEquals(400, unknown.status());
        assertTrue(unknown.json().at("/error/details/turbo").isTextual());
        assertEquals(400, server.send("PUT", "/api/v1/admin/feature-flags", "{\"data-cache\": \"no\"}", admin)
                .status());
        assertEquals(400, server.send("PUT", "/api/v1/admin/feature-flags", "{}", admin).status());
        assertEquals(400, server.send("PUT", "/api/v1/admin/feature-flags", "[]", admin).status());
        assertTrue(flag(server.get("/api/v1/admin/feature-flags", admin).data(), "data-cache"),
                "a rejected change changes nothing");
        assertEquals(403, server.get("/api/v1/admin/feature-flags", user).status());

        restart();
        assertFalse(flag(server.get("/api/v1/admin/feature-flags", admin).data(), "session-cache"),
                "persisted in app_settings");
    }

    private JsonNode sessionsCache() {
        for (JsonNode c : server.get("/api/v1/performance/metrics", admin).data().at("/caches/caches")) {
            if (c.get("name").asText().equals("sessions")) {
                return c;
            }
        }
        throw new AssertionError("no sessions cache");
    }

    private static boolean flag(JsonNode flags, String name) {
        for (JsonNode f : flags) {
            if (f.get("name").asText().equals(name)) {
                return f.get("enabled").asBoolean();
            }
        }
        throw new AssertionError("no flag " + name);
    }

    @Test
    void alertRulesAreValidatedAndPersisted() {
        var rules = server.get("/api/v1/admin/alert-rules", admin);
        assertEquals(200, rules.status());
        assertEquals(5, rules.data().size());
        assertTrue(rules.json().at("/meta/metrics").findValuesAsText("name").contains("p95_ms"));
        String bad = "{\"rules\":[{\"id\":\"a\",\"metric\":\"p95_ms\",\"comparison\":\"above\",\"warning\":500,"
                + "\"critical\":200},{\"id\":\"a\",\"metric\":\"nope\",\"comparison\":\"sideways\",\"warning\":1},"
                + "{\"id\":\"Bad Id\",\"metric\":\"heap_mb\",\"comparison\":\"above\"}]}";
        var refused = server.send("PUT", "/api/v1/admin/alert-rules", bad, admin);
        assertEquals(400, refused.status(), refused.body());
        JsonNode details = refused.json().at("/error/details");
        assertTrue(details.get("rules[0]").asText().contains("below the critical"), details.toString());
        assertTrue(details.has("rules[1].metric"));
        assertTrue(details.has("rules[1].comparison"));
        assertTrue(details.has("rules[2].id"));
        assertTrue(details.has("rules[2]"), "no threshold");
        assertEquals(400, server.send("PUT", "/api/v1/admin/alert-rules", "{}", admin).status());
        assertEquals(400, server.send("PUT", "/api/v1/admin/alert-rules",
                "{\"rules\":[{\"id\":\"x\",\"metric\":\"p95_ms\",\"comparison\":\"above\",\"warning\":1,"
                        + "\"sustainSeconds\":1.5}]}", admin).status());

        String good = "{\"rules\":[{\"id\":\"slow-api\",\"metric\":\"p95_ms\",\"comparison\":\"above\",\"warning\":150,"
                + "\"critical\":400,\"sustainSeconds\":10,\"recoverySeconds\":30,\"recoveryMarginPercent\":5}]}";
        var saved = server.send("PUT", "/api/v1/admin/alert-rules", good, admin);
        assertEquals(200, saved.status(), saved.body());
        assertEquals("slow-api", saved.data().at("/0/id").asText());
        assertTrue(saved.data().at("/0/enabled").asBoolean());
        restart();
        var after = server.get("/api/v1/admin/alert-rules", admin);
        assertEquals(1, after.data().size());
        assertEquals(400.0, after.data().at("/0/critical").asDouble());
    }

    @Test
    void alertsAreListedAndAcknowledged() {
        String rule = "{\"rules\":[{\"id\":\"pool-any\",\"metric\":\"pool_usage\",\"comparison\":\"above\","
                + "\"warning\":-1,\"sustainSeconds\":0}]}";
        assertEquals(200, server.send("PUT", "/api/v1/admin/alert-rules", rule, admin).status());
        var engine = components().perf().alerts();
        engine.evaluate(components().perf().monitor().snapshot());
        var alerts = server.get("/api/v1/performance/alerts", admin);
        assertEquals(200, alerts.status(), alerts.body());
        JsonNode active = alerts.data().at("/active/0");
        assertEquals("pool-any", active.get("ruleId").asText());
        assertEquals("warning", active.get("severity").asText());
        assertEquals(-1.0, active.get("threshold").asDouble());
        assertNotNull(active.get("since").asText());
        assertTrue(active.get("resolvedAt").isNull());
        assertEquals(1, alerts.data().get("history").size());
        var ack = server.post("/api/v1/performance/alerts/" + active.get("id").asText() + "/ack", null, admin);
        assertEquals(200, ack.status(), ack.body());
        assertFalse(ack.data().get("acknowledgedAt").isNull());
        assertEquals(404, server.post("/api/v1/performance/alerts/" + UUID.randomUUID() + "/ack", null, admin).status());
        assertEquals(404, server.post("/api/v1/performance/alerts/not-a-uuid/ack", null, admin).status());
        assertEquals(400, server.get("/api/v1/performance/alerts?limit=many", admin).status());
        assertEquals(403, server.get("/api/v1/performance/alerts", user).status());
    }

    private void restart() {
        server.close();
        server = TestServer.start(DATABASES.get(kind), clock, Map.of());
        var jdbc = server.server().components().database().jdbc();
        UUID adminId = jdbc.queryOne("SELECT id FROM users WHERE username = 'admin'", r -> r.uuid("id")).orElseThrow();
        admin = Accounts.bearer(Accounts.session(server, adminId));
    }
}
