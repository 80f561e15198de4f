package app.medianest.loadtest.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.medianest.loadtest.config.Auth;
import app.medianest.loadtest.config.EndpointMix;
import app.medianest.loadtest.config.LoadTestConfig;
import app.medianest.loadtest.config.ReferencePhase;
import app.medianest.loadtest.config.Transport;
import app.medianest.loadtest.config.WeightedEndpoint;
import app.medianest.loadtest.testing.FakeMediaNestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadTestEngineTest {

    private static final Auth ADMIN = new Auth.Credentials(FakeMediaNestServer.USERNAME, FakeMediaNestServer.PASSWORD);

    private FakeMediaNestServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = FakeMediaNestServer.start().latency(Duration.ofMillis(2));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private LoadTestConfig.Builder config() {
        return LoadTestConfig.builder(server.baseUrl()).auth(ADMIN);
    }

    @Test
    void thePresetMixLeavesOutWhatTheServerCannotServeAndSaysWhy() throws Exception {
        server.withoutPlex().notAdmin();
        LoadTestConfig config = config().users(2).sustain(Duration.ofSeconds(1)).mix(EndpointMix.preset()).build();

        LoadTestResult result = LoadTestEngine.builder(config).build().run();

        assertEquals(0, result.overall().errors(), "no request of the run went to a route the server cannot serve");
        assertEquals(List.of("/api/v1/dashboard/stats", "/api/v1/media/requests", "/api/v1/auth/session"),
                result.settings().mix().stream().map(WeightedEndpoint::path).toList());
        assertEquals(List.of(
                new LeftOutEndpoint("/api/v1/plex/libraries", "answered 503: Plex is not configured"),
                new LeftOutEndpoint("/api/v1/admin/requests?limit=50", "answered 403: FORBIDDEN"),
                new LeftOutEndpoint("/api/v1/plex/libraries/{plexLibrary}/items?limit=100",
                        "/api/v1/plex/libraries answered 503: Plex is not configured")),
                result.settings().leftOut());
        assertTrue(result.overall().requests() > 0);
    }

    @Test
    void thePresetMixRunsEveryRouteTheServerServesOnItsLargestPlexLibrary() throws Exception {
        LoadTestConfig config = config().users(2).sustain(Duration.ofSeconds(1)).mix(EndpointMix.preset()).build();

        LoadTestResult result = LoadTestEngine.builder(config).build().run();

        assertEquals(List.of(), result.settings().leftOut());
        assertTrue(result.settings().mix().contains(new WeightedEndpoint("/api/v1/plex/libraries/2/items?limit=100", 1)),
                result.settings().mix().toString());
        assertEquals(0, result.overall().errors());
        assertTrue(server.hits("/api/v1/plex/libraries/2/items") > 1, "the large Plex page is part of the run");
        assertTrue(server.hits("/api/v1/admin/requests") > 1, "and the admin page");
    }

    @Test
    void usersRampUpAndDownAndTheMixWeightsAreHonoured() throws Exception {
        List<ProgressSnapshot> snapshots = new CopyOnWriteArrayList<>();
        LoadTestConfig config = config().users(8).rampUp(Duration.ofSeconds(2)).sustain(Duration.ofSeconds(2))
                .rampDown(Duration.ofSeconds(1)).thinkTime(Duration.ofMillis(5)).build();

        LoadTestResult result = LoadTestEngine.builder(config).listener(snapshots::add).build().run();

        assertEquals(8, server.logins(), "each user signs in once");
        assertEquals(new LoginStats(8, 8, 0, Map.of()), result.logins());
        assertEquals(result.timeline(), snapshots, "the listener sees the timeline");
        ProgressSnapshot first = snapshots.getFirst();
        assertEquals(Phase.RAMP_UP, first.phase());
        assertTrue(first.activeUsers() >= 2 && first.activeUsers() <= 6,
                "half the users start in the first of two ramp seconds: " + first.activeUsers());
        assertEquals(8, snapshots.stream().mapToInt(ProgressSnapshot::activeUsers).max().orElseThrow());
        assertTrue(snapshots.stream().anyMatch(s -> s.phase() == Phase.SUSTAIN && s.activeUsers() == 8));
        assertEquals(0, snapshots.getLast().activeUsers(), "everyone has stopped at the end");
        assertTrue(snapshots.stream().anyMatch(s -> s.phase() == Phase.RAMP_DOWN && s.activeUsers() < 8));
        assertTrue(result.elapsed().toMillis() >= 4900 && result.elapsed().toMillis() < 6500, "" + result.elapsed());

        long total = result.overall().requests();
        assertTrue(total > 800, "enough requests to judge the mix: " + total);
        assertEquals(0, result.overall().errors());
        for (WeightedEndpoint endpoint : config.mix().endpoints()) {
            EndpointStats stats = stats(result, endpoint.path());
            assertEquals(server.hits(endpoint.path()), stats.requests(), "client and server agree on " + endpoint);
            double expected = (double) endpoint.weight() / config.mix().totalWeight();
            double actual = (double) stats.requests() / total;
            assertEquals(expected, actual, 0.06, "share of " + endpoint.path());
        }
        assertTrue(result.sustainThroughputRps() > result.overall().throughputRps(),
                "all users run during sustain, so it has the highest throughput");
    }

    @Test
    void errorResponsesAreCountedByStatusPerEndpoint() throws Exception {
        server.failEvery("/api/v1/plex/libraries", 1, 503).failEvery("/api/v1/media/requests", 3, 500);
        LoadTestConfig config = config().users(4).sustain(Duration.ofMillis(1500)).thinkTime(Duration.ofMillis(5))
                .build();

        LoadTestResult result = LoadTestEngine.builder(config).build().run();

        EndpointStats plex = stats(result, "/api/v1/plex/libraries");
        assertEquals(Map.of(503, server.hits("/api/v1/plex/libraries")), plex.errorsByStatus());
        assertEquals(1.0, plex.errorRate());
        EndpointStats media = stats(result, "/api/v1/media/requests");
        assertEquals(Map.of(500, server.errorsSent("/api/v1/media/requests", 500)), media.errorsByStatus());
        assertEquals(Map.of(), stats(result, "/api/v1/dashboard/stats").errorsByStatus());
        assertEquals(Map.of(500, media.errors(), 503, plex.errors()), result.overall().errorsByStatus());
        assertEquals(plex.errors() + media.errors(), result.overall().errors());
        assertEquals(result.overall().errors(),
                result.timeline().stream().mapToLong(ProgressSnapshot::intervalErrors).sum());
    }

    @Test
    void transportErrorsAreCountedByKind() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LoadTestConfig config = LoadTestConfig.builder(java.net.URI.create("http://127.0.0.1:" + closedPort))
                .users(2).sustain(Duration.ofMillis(500)).thinkTime(Duration.ofMillis(50)).build();

        LoadTestResult result = LoadTestEngine.builder(config).build().run();

        assertTrue(result.overall().requests() >= 4, "" + result.overall());
        assertEquals(Map.of("connect", result.overall().requests()), result.overall().transportErrors());
        assertEquals(1.0, result.overall().errorRate());
        assertEquals(0, result.overall().serviceTime().count(), "no response, no latency");
    }

    @Test
    void aServerStallRaisesTheCorrectedP99ButBarelyTheServiceTimes() throws Exception {
        Duration stall = Duration.ofMillis(600);
        AtomicBoolean stalled = new AtomicBoolean();
        LoadTestConfig config = config().users(4).sustain(Duration.ofSeconds(3)).thinkTime(Duration.ofMillis(20))
                .build();

        LoadTestResult result = LoadTestEngine.builder(config).listener(snapshot -> {
            if (snapshot.elapsed().toMillis() >= 1000 && stalled.compareAndSet(false, true)) {
                server.stall(stall);
            }
        }).build().run();

        LatencyPercentiles service = result.overall().serviceTime();
        LatencyPercentiles response = result.overall().responseTime();
        assertTrue(service.maxMs() >= 500, "one request per user waited for the stall: " + service);
        assertTrue(service.p95Ms() < stall.toMillis() / 4.0, "the stall hides in the uncorrected tail: " + service);
        assertTrue(response.p99Ms() >= 0.5 * stall.toMillis() && response.p99Ms() <= stall.toMillis() + 300,
                "the corrected p99 shows the stall: " + response);
        long synthetic = response.count() - service.count();
        double interval = config.thinkTime().toMillis() + service.p50Ms();
        // The stall as the users experienced it (on a busy machine it outlasts the nominal 600 ms).
        long expected = Math.round(4 * Math.max(stall.toMillis(), service.maxMs()) / interval);
        assertTrue(synthetic >= expected / 3 && synthetic <= expected * 2,
                "requests that should have been sent during the stall: " + synthetic + ", about " + expected);
        assertEquals(result.overall().requests(), service.count(), "synthetic samples are not requests");
    }

    @Test
    void aTokenSkipsSignInAndWarmUpAndReferencePhasesStayOutOfTheFigures() throws Exception {
        LoadTestConfig config = config().auth(new Auth.BearerToken(FakeMediaNestServer.STATIC_TOKEN)).users(3)
                .sustain(Duration.ofSeconds(1)).thinkTime(Duration.ofMillis(5)).warmup(Duration.ofMillis(500))
                .reference(new ReferencePhase("/health", Duration.ofSeconds(1))).build();
        List<ProgressSnapshot> snapshots = new CopyOnWriteArrayList<>();

        LoadTestResult result = LoadTestEngine.builder(config).listener(snapshots::add).build().run();

        assertEquals(0, server.logins());
        assertEquals(LoginStats.NONE, result.logins());
        assertEquals(0, result.overall().errors());
        BaselineRatio ratio = result.baselineRatio();
        assertNotNull(ratio);
        assertEquals("/health", ratio.referencePath());
        assertEquals(server.hits("/health") / ratio.referenceThroughputRps(), 1.0, 0.35,
                "about one second of reference requests");
        assertTrue(ratio.throughputRatio() > 0.3 && ratio.throughputRatio() < 3, "" + ratio);
        assertTrue(ratio.p95Ratio() > 0, "" + ratio);
        assertEquals(List.of(Phase.WARMUP, Phase.SUSTAIN, Phase.REFERENCE),
                snapshots.stream().map(ProgressSnapshot::phase).distinct().toList(), "the listener sees every phase");
        assertEquals(List.of(Phase.SUSTAIN), result.timeline().stream().map(ProgressSnapshot::phase).distinct()
                .toList(), "the timeline holds the main run only");
        long apiHits = config.mix().endpoints().stream().mapToLong(e -> server.hits(e.path())).sum();
        assertTrue(apiHits > result.overall().requests(), "warm-up requests are sent but not counted");
        assertEquals(result.timeline().getLast().totalRequests(), result.overall().requests());
    }

    @Test
    void theJdkClientRemainsAvailableAndAgreesWithTheServer() throws Exception {
        LoadTestConfig config = config().transport(Transport.JDK).users(3).sustain(Duration.ofMillis(800))
                .thinkTime(Duration.ofMillis(5)).build();

        LoadTestResult result = LoadTestEngine.builder(config).build().run();

        assertEquals("jdk", result.settings().transport());
        assertEquals(new LoginStats(3, 3, 0, Map.of()), result.logins());
        assertEquals(0, result.overall().errors());
        for (WeightedEndpoint endpoint : config.mix().endpoints()) {
            assertEquals(server.hits(endpoint.path()), stats(result, endpoint.path()).requests(), endpoint.path());
        }
    }

    @Test
    void pairedReferenceRoundsAlternateMixAndBareSlicesAndRatioTheirSums() throws Exception {
        server.extraLatency("/api/v1/auth/session", Duration.ofMillis(20));
        LoadTestConfig config = config().users(4).sustain(Duration.ofSeconds(1)).thinkTime(Duration.ZERO)
                .mix(EndpointMix.parse("/api/v1/auth/session"))
                .reference(new ReferencePhase("/health", Duration.ofSeconds(2), 4)).build();
        List<ProgressSnapshot> snapshots = new CopyOnWriteArrayList<>();

        LoadTestResult result = LoadTestEngine.builder(config).listener(snapshots::add).build().run();

        BaselineRatio ratio = result.baselineRatio();
        assertNotNull(ratio);
        assertEquals(Integer.valueOf(4), result.settings().referenceRounds());
        assertTrue(ratio.throughputRatio() > 0.03 && ratio.throughputRatio() < 0.4,
                "the mix waits 20 ms more per request than /health (2 ms): " + ratio);
        assertTrue(ratio.p50Ratio() > 3, "" + ratio);
        long mainRequests = result.overall().requests();
        long sessionHits = server.hits("/api/v1/auth/session");
        assertTrue(sessionHits > mainRequests * 1.5,
                "four 0.5 s mix slices ran after the 1 s main run: " + sessionHits + " vs " + mainRequests);
        assertEquals(server.hits("/health"), ratio.referenceResponseTime().count(), "every bare request counted");
        assertTrue(snapshots.stream().filter(s -> s.phase() == Phase.REFERENCE).count() >= 8,
                "the listener sees every slice");
        assertEquals(List.of(Phase.SUSTAIN), result.timeline().stream().map(ProgressSnapshot::phase).distinct()
                .toList(), "the slices stay out of the main run's timeline");
    }

    @Test
    void rateLimitedSignInsAreRetriedAfterRetryAfter() throws Exception {
        server.rateLimitNextLogins(2);
        LoadTestConfig config = config().users(3).sustain(Duration.ofMillis(1500)).thinkTime(Duration.ofMillis(10))
                .mix(EndpointMix.parse("/api/v1/auth/session")).build();

        LoadTestResult result = LoadTestEngine.builder(config).build().run();

        assertEquals(new LoginStats(5, 3, 0, Map.of("429", 2L)), result.logins());
        assertEquals(0, result.overall().errors());
    }

    @Test
    void wrongCredentialsFailSignInAndSendNothing() throws Exception {
        LoadTestConfig config = config().auth(new Auth.Credentials("admin", "wrong")).users(2)
                .sustain(Duration.ofMillis(300)).build();

        LoadTestResult result = LoadTestEngine.builder(config).build().run();

        assertEquals(new LoginStats(2, 0, 2, Map.of("401", 2L)), result.logins());
        assertEquals(0, result.overall().requests());
    }

    @Test
    void stopEndsTheRunEarlyWithAResult() throws Exception {
        LoadTestConfig config = config().users(2).sustain(Duration.ofSeconds(30)).thinkTime(Duration.ofMillis(10))
                .reference(new ReferencePhase("/health", Duration.ofSeconds(5))).build();
        LoadTestEngine engine = LoadTestEngine.builder(config).listener(snapshot -> { }).build();

        var future = engine.start();
        Thread.sleep(700);
        engine.stop();
        LoadTestResult result = future.get(5, TimeUnit.SECONDS);

        assertTrue(result.stopped());
        assertTrue(result.elapsed().toMillis() < 3000, "" + result.elapsed());
        assertTrue(result.overall().requests() > 0);
        assertNull(result.baselineRatio(), "a stopped run skips the reference phase");
    }

    private static EndpointStats stats(LoadTestResult result, String path) {
        return result.endpoints().stream().filter(e -> e.endpoint().equals(path)).findFirst().orElseThrow();
    }
}
