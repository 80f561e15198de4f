package app.medianest.server.resilience;

import app.medianest.fakes.FakePlex;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.IntegrationServer;
import app.medianest.server.testing.ManualClock;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import app.medianest.server.upstream.BreakerTransition;
import app.medianest.server.upstream.ServiceEvents;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plex behind its circuit breaker, over real HTTP: a hanging Plex opens the breaker, after which the Plex routes
 * answer at once (stale or 503); a healed Plex closes it again through the half-open probe. Time-dependent parts
 * (cache TTL, open duration) run on a manual clock; the call timeout is short and real.
 */
class PlexBreakerTest {
    private static final int SAMPLES = 300;
    private static final ManualClock CLOCK = ManualClock.now();
    private static final List<BreakerTransition> TRANSITIONS = new CopyOnWriteArrayList<>();
    private static TestDatabase db;
    private static FakePlex plex;
    private static IntegrationServer server;
    private static String user;

    @BeforeAll
    static void start() {
        plex = FakePlex.start();
        db = TestDatabase.create(DbKind.H2);
        server = IntegrationServer.start(db, CLOCK, Map.of("resilience.call-timeout", "500ms",
                "resilience.minimum-calls", "4", "resilience.open-duration", "30s", "cache.ttl.service", "120s",
                "resilience.retry-backoff", "20ms"));
        var put = server.put("/api/v1/admin/services/plex", "{\"url\":\"" + plex.baseUrl() + "\",\"apiKey\":\""
                + FakePlex.DEFAULT_TOKEN + "\",\"enabled\":true}", server.adminToken());
        assertEquals(200, put.status(), put.body());
        server.integrations().addServiceListener(new ServiceEvents() {
            @Override
            public void breakerTransition(BreakerTransition transition) {
                TRANSITIONS.add(transition);
            }
        });
        user = server.newUser("watcher");
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
        plex.close();
    }

    @BeforeEach
    void healthyPlexAndClosedBreaker() {
        plex.heal();
        server.integrations().plex().clearCache();
        server.integrations().resilience().reset("plex");
        TRANSITIONS.clear();
    }

    @Test
    void hangingPlexOpensTheBreakerThenAnswersAreFastAndTheHalfOpenProbeClosesIt() {
        var warm = server.get("/api/v1/plex/libraries", user);
        assertEquals(200, warm.status(), warm.body());
        Stats baselineHealth = measure(() -> server.http().get("/health"), 200);
        Stats baselineCached = measure(() -> server.get("/api/v1/plex/libraries", user), 200);

        CLOCK.advance(Duration.ofSeconds(121));
        plex.hang();
        int slowCalls = 0;
        while (!breaker().get("state").asText().equals("open")) {
            var r = server.get("/api/v1/plex/libraries", user);
            assertEquals(200, r.status(), "a timed-out call falls back to the last good answer: " + r.body());
            assertEquals("STALE", r.header("X-Cache"));
            assertTrue(++slowCalls <= 10, "the breaker opens after a few timeouts");
        }
        assertTrue(TRANSITIONS.stream().anyMatch(BreakerTransition::opened), "transition reported: " + TRANSITIONS);

        Stats stale = measure(() -> server.get("/api/v1/plex/libraries", user), 200);
        Stats unavailable = measure(() -> server.get("/api/v1/plex/server", user), 503);
        Stats dashboard = measureCall(() -> server.integrations().plex().recentlyAdded(10));
        System.out.printf(Locale.ROOT, "Plex hanging, breaker open (%d slow calls to open it, call timeout 500 ms):%n"
                        + "  plex/libraries (stale)  %s  = %.1fx the cached route%n"
                        + "  plex/server (503)       %s%n"
                        + "  dashboard recentlyAdded %s (in-process)%n"
                        + "  baseline /health        %s%n  baseline plex/libraries cached %s%n",
                slowCalls, stale, stale.p99 / baselineCached.p99, unavailable, dashboard, baselineHealth,
                baselineCached);
        // The target is 50 ms; on a machine so busy that even /health misses it, hold the routes to twice that.
        double limit = Math.max(50, 2 * baselineHealth.p99);
        assertTrue(stale.p99 < limit, "stale answers p99 under " + limit + " ms: " + stale);
        assertTrue(unavailable.p99 < limit, "503 answers p99 under " + limit + " ms: " + unavailable);
        assertTrue(dashboard.p99 < 50, "dashboard feed p99 under 50 ms: " + dashboard);
        assertEquals("SERVICE_UNAVAILABLE", server.get("/api/v1/plex/server", user).errorCode());

        plex.heal();
        TestServer.Res probe = null;
        for (int wait = 0; wait < 5 && (probe == null || !"MISS".equals(probe.header("X-Cache"))); wait++) {
            // A probe that a very busy machine makes time out re-opens the breaker; then wait once more.
            CLOCK.advance(Duration.ofSeconds(31));
            probe = server.get("/api/v1/plex/libraries", user);
            assertEquals(200, probe.status());
        }
        assertEquals("MISS", probe.header("X-Cache"), "a half-open probe reached the healed Plex");
        assertEquals("closed", breaker().get("state").asText());
        List<String> path = TRANSITIONS.stream().map(t -> t.from() + "->" + t.to()).toList();
        assertEquals("closed->open", path.getFirst());
        assertEquals(List.of("open->half_open", "half_open->closed"), path.subList(path.size() - 2, path.size()));
        System.out.println("Breaker transitions: " + path);
    }

    @Test
    void theDashboardFeedNeverWaitsForAHangingPlexEvenBeforeTheBreakerOpens() {
        assertEquals(200, server.get("/api/v1/plex/recently-added", user).status());
        CLOCK.advance(Duration.ofSeconds(121));
        plex.hang();
        Stats feed = measureCall(() -> {
            List<?> items = server.integrations().plex().recentlyAdded(10);
            assertEquals(10, items.size(), "the last good list");
            return items;
        });
        assertEquals("closed", breaker().get("state").asText(), "measured while the breaker was still closed");
        System.out.println("Dashboard feed with Plex hanging, breaker closed: " + feed);
        assertTrue(feed.p99 < 50, feed.toString());
    }

    @Test
    void withoutACachedAnswerAnOpenBreakerMeans503() {
        plex.refuseConnections();
        for (int i = 0; i < 4; i++) {
            var r = server.get("/api/v1/plex/recently-added", user);
            assertEquals(503, r.status(), r.body());
            assertEquals("SERVICE_UNAVAILABLE", r.errorCode());
        }
        assertEquals("open", breaker().get("state").asText());
        assertTrue(server.integrations().plex().recentlyAdded(10).isEmpty(), "the dashboard gets an empty list");
    }

    @Test
    void failedReadsAreRetriedAFewTimesAndScansNever() {
        plex.failWith(503);
        plex.clearRequests();
        var r = server.get("/api/v1/plex/server", user);
        assertEquals(503, r.status(), r.body());
        assertEquals(3, plex.requestCount("/"), "three attempts of an idempotent read, then give up");
        int scans = plex.refreshCount();
        server.integrations().plex().refreshFor(java.nio.file.Path.of("/downloads/alice"), "1");
        assertEquals(1, plex.requests("/library/sections/1/refresh").size(), "a library scan is sent once");
        assertEquals(scans, plex.refreshCount(), "the failing Plex did not record it as a scan");
    }

    @Test
    void notFoundAnswersDoNotCountAsFailures() {
        for (int i = 0; i < 12; i++) {
            assertEquals(404, server.get("/api/v1/plex/libraries/99/items?offset=" + i, user).status());
        }
        JsonNode b = breaker();
        assertEquals("closed", b.get("state").asText());
        assertEquals(0, b.get("failedCalls").asInt());
        assertEquals(0.0, b.get("failureRate").asDouble(), 0.001);
    }

    @Test
    void adminsSeeAndResetBreakers() {
        var list = server.get("/api/v1/resilience/circuit-breakers", server.adminToken());
        assertEquals(200, list.status());
        List<String> names = new ArrayList<>();
        list.data().forEach(b -> names.add(b.get("name").asText()));
        assertEquals(List.of("overseerr", "plex", "plex-tv", "uptime-kuma", "youtube"), names);
        assertEquals(403, server.get("/api/v1/resilience/circuit-breakers", user).status());

        plex.refuseConnections();
        for (int i = 0; i < 4; i++) {
            server.get("/api/v1/plex/collections/" + (900 + i), user);
        }
        assertEquals("open", breaker().get("state").asText());
        var reset = server.post("/api/v1/admin/circuit-breakers/plex/reset", null, server.adminToken());
        assertEquals(200, reset.status(), reset.body());
        assertEquals("closed", reset.data().get("state").asText());
        assertEquals(0, reset.data().get("bufferedCalls").asInt());
        assertEquals("BREAKER_NOT_FOUND",
                server.post("/api/v1/admin/circuit-breakers/nope/reset", null, server.adminToken()).errorCode());
        assertEquals(403, server.post("/api/v1/admin/circuit-breakers/plex/reset", null, user).status());
    }

    @Test
    void anUpstreamWithoutAnAddressIsReportedNotConfiguredWithTooFewCalls() {
        var list = server.get("/api/v1/resilience/circuit-breakers", server.adminToken());
        JsonNode overseerr = null;
        for (JsonNode b : list.data()) {
            if (b.get("name").asText().equals("overseerr")) {
                overseerr = b;
            }
        }
        assertEquals("not_configured", overseerr.get("state").asText(), list.body());
        assertEquals("closed", breaker().get("state").asText(), "plex has an address");
        var metrics = server.get("/api/v1/performance/metrics", server.adminToken());
        for (JsonNode b : metrics.data().get("breakers")) {
            if (b.get("name").asText().equals("overseerr")) {
                assertEquals("not_configured", b.get("state").asText());
                assertEquals(-1, b.get("failureRate").asDouble(), "too few calls is -1, as BreakerStats documents");
                return;
            }
        }
        throw new AssertionError("no overseerr breaker in " + metrics.body());
    }

    private static JsonNode breaker() {
        var r = server.get("/api/v1/resilience/circuit-breakers", server.adminToken());
        for (JsonNode b : r.data()) {
            if (b.get("name").asText().equals("plex")) {
                return b;
            }
        }
        throw new AssertionError("no plex breaker in " + r.body());
    }

    /** Latency percentiles in milliseconds. */
    private record Stats(double p50, double p99, double max) {
        static Stats of(long[] nanos) {
            double[] ms = Arrays.stream(nanos).sorted().mapToDouble(n -> n / 1e6).toArray();
            return new Stats(ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.99) - 1], ms[ms.length - 1]);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.2f ms", p50, p99, max);
        }
    }

    private static Stats measure(Supplier<TestServer.Res> call, int status) {
        for (int i = 0; i < 20; i++) {
            call.get();
        }
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            TestServer.Res r = call.get();
            nanos[i] = System.nanoTime() - start;
            assertEquals(status, r.status(), r.body());
        }
        return Stats.of(nanos);
    }

    private static Stats measureCall(Supplier<?> call) {
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - start;
        }
        return Stats.of(nanos);
    }
}
