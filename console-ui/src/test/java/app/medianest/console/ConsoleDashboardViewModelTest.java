package app.medianest.console;

import app.medianest.console.api.ApiClient;
import app.medianest.console.concurrent.Tasks;
import app.medianest.console.dashboard.AlertRow;
import app.medianest.console.dashboard.ChartModel;
import app.medianest.console.dashboard.DashboardSource;
import app.medianest.console.dashboard.DashboardTick;
import app.medianest.console.dashboard.DashboardViewModel;
import app.medianest.console.dashboard.Severity;
import app.medianest.console.dashboard.Thresholds;
import app.medianest.console.dashboard.Tile;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard view model without the FX toolkit: ticks become chart points, thresholds colour values. */
class ConsoleDashboardViewModelTest {
    private final ApiClient api = new ApiClient(Duration.ofSeconds(1));
    private final DashboardViewModel vm = new DashboardViewModel(new DashboardSource(api, Clock.systemUTC()), api,
            Tasks.direct());

    private static DashboardTick tick(long at, double p95, Map<String, Thresholds> rules) {
        Map<String, Double> m = new HashMap<>();
        m.put("p50", p95 / 3);
        m.put("p95", p95);
        m.put("p99", p95 * 2);
        m.put("throughput", 42.0);
        m.put("errorRate", 0.5);
        m.put("heap", 80.0);
        m.put("memory", 210.0);
        m.put("cacheHitRate", null);
        m.put("poolUsage", 10.0);
        return new DashboardTick(at, m, Map.of("GET /api/v1/auth/session", Arrays.asList(1.0, 2.0, 3.0)), 3_700,
                List.of(new Tile("plex", "open", "100 % failures", Severity.CRITICAL)), null,
                List.of(new AlertRow("a1", "api-p95", "warning", "p95 high", Instant.EPOCH, null, false)), List.of(),
                rules, null);
    }

    @Test
    void eachTickAddsOnePointToEveryLiveLine() {
        for (int i = 0; i < 5; i++) {
            vm.apply(tick(1_000L * i, 50, null));
        }
        ChartModel latency = vm.latency();
        assertEquals(5, latency.lines().get(1).live().size());
        assertEquals(50.0, latency.current());
        assertEquals(5, latency.version().get(), "one redraw per tick");
        assertTrue(Double.isNaN(vm.charts().get(5).current()), "no cache lookups: a gap, not a zero");
        assertEquals(List.of("GET /api/v1/auth/session"), vm.routes());
        assertEquals("GET /api/v1/auth/session", vm.selectedRoute().get());
        assertEquals(3.0, vm.routeLatency().lines().get(2).live().last());
        assertEquals("1 h 1 min", vm.uptime().get());
        assertEquals("open", vm.breakers().getFirst().value());
        assertEquals(1, vm.activeAlerts().size());
    }

    @Test
    void liveLinesKeepFifteenMinutes() {
        for (int i = 0; i < DashboardViewModel.LIVE_POINTS + 100; i++) {
            vm.apply(tick(1_000L * i, 10, null));
        }
        var p95 = vm.latency().lines().get(1).live();
        assertEquals(DashboardViewModel.LIVE_POINTS, p95.size());
        assertEquals(100_000L, p95.time(0), "the oldest 100 points were dropped");
    }

    @Test
    void theCurrentValueIsColouredByTheRulesThresholds() {
        Map<String, Thresholds> rules = Map.of("p95_ms", new Thresholds("api-p95", false, 200.0, 500.0),
                "cache_hit_rate", new Thresholds("cache-hit-rate", true, 70.0, null));
        vm.apply(tick(0, 100, rules));
        assertEquals(Severity.OK, vm.latency().severityProperty().get());
        assertEquals(200.0, vm.latency().thresholds().warning());
        vm.apply(tick(1_000, 300, null));
        assertEquals(Severity.WARNING, vm.latency().severityProperty().get());
        vm.apply(tick(2_000, 900, null));
        assertEquals(Severity.CRITICAL, vm.latency().severityProperty().get());
        assertEquals(Severity.WARNING, new Thresholds("c", true, 70.0, null).classify(60));
        assertEquals(Severity.OK, new Thresholds("c", true, 70.0, null).classify(95));
    }

    @Test
    void metricsJsonIsReadIntoOneTick() throws Exception {
        var json = ApiClient.JSON.readTree("""
                {"success":true,"data":{"at":"2026-01-01T00:00:00Z","uptimeSeconds":12,
                 "overall":{"requests":5,"windowSeconds":60,"windowRequests":5,"throughput":2.5,"errorRate":0,
                   "clientErrorRate":0,"p50Ms":1.5,"p95Ms":4.0,"p99Ms":9.0},
                 "routes":[{"method":"GET","route":"/health","p50Ms":0.2,"p95Ms":0.4,"p99Ms":0.9}],
                 "jvm":{"heapUsedMb":55,"memoryMb":180},"db":{"usagePercent":5,"pending":0},
                 "caches":{"hitRate":91.5,"windowLookups":40,"caches":[]},
                 "breakers":[{"name":"plex","state":"half_open","failureRate":-1}]}}""");
        Map<String, Double> m = new HashMap<>();
        Map<String, List<Double>> routes = new java.util.LinkedHashMap<>();
        var data = json.path("data");
        DashboardSource.readMetrics(data, m, routes);
        assertEquals(4.0, m.get("p95"));
        assertEquals(91.5, m.get("cacheHitRate"));
        assertEquals(180.0, m.get("memory"));
        assertEquals(List.of(0.2, 0.4, 0.9), routes.get("GET /health"));
    }
}
