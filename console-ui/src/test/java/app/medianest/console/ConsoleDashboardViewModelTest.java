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
import app.medianest.model.perf.BreakerState;
import app.medianest.model.perf.BreakerStats;
import app.medianest.model.perf.CacheSummary;
import app.medianest.model.perf.DbStats;
import app.medianest.model.perf.JvmStats;
import app.medianest.model.perf.OverallStats;
import app.medianest.model.perf.PerfSnapshot;
import app.medianest.model.perf.RouteStats;
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
    void theServersSnapshotIsReadIntoOneTick() throws Exception {
        PerfSnapshot sent = new PerfSnapshot(Instant.parse("2026-01-01T00:00:00Z"), 12,
                new OverallStats(5, 60, 5, 2.5, 0, 0, 1.5, 4.0, 9.0),
                List.of(new RouteStats("GET", "/health", 5, 0, 0, 5, 2.5, 0, 0.2, 0.4, 0.9, 1.2)),
                new JvmStats(55, 80, 512, 40, 180.0, 180, 1, 2, 2, 30, 5.0),
                new DbStats(0, 2, 0, 10, 5, 0.1, 0.2, 3, 0.5, 0, 0, List.of(), List.of()),
                new CacheSummary(91.5, 40, 90, List.of()),
                List.of(new BreakerStats("plex", BreakerState.HALF_OPEN, -1, -1, 1, 0),
                        new BreakerStats("overseerr", BreakerState.NOT_CONFIGURED, -1, -1, 0, 0)));
        // Written by the server's mapper, read by the console's decoder: the snapshot as it travels.
        var json = ApiClient.JSON.readTree(app.medianest.server.http.Json.write(sent));
        Map<String, Double> m = new HashMap<>();
        Map<String, List<Double>> routes = new java.util.LinkedHashMap<>();
        PerfSnapshot s = ApiClient.convert(json, PerfSnapshot.class);
        DashboardSource.readMetrics(s, m, routes);
        assertEquals(4.0, m.get("p95"));
        assertEquals(91.5, m.get("cacheHitRate"));
        assertEquals(180.0, m.get("memory"));
        assertEquals(List.of(0.2, 0.4, 0.9), routes.get("GET /health"));
    }
}
