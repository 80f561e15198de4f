package app.medianest.console.dashboard;

import app.medianest.console.api.ApiClient;
import app.medianest.console.api.ApiException;
import app.medianest.model.ServiceStatusView;
import app.medianest.model.perf.AlertRule;
import app.medianest.model.perf.AlertView;
import app.medianest.model.perf.AlertsView;
import app.medianest.model.perf.BreakerState;
import app.medianest.model.perf.BreakerStats;
import app.medianest.model.perf.Comparison;
import app.medianest.model.perf.PerfSnapshot;
import app.medianest.model.perf.RouteStats;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fetches one {@link DashboardTick} over HTTP: the metrics snapshot, the alerts, and (less often) the alert
 * rules and the upstream status, each decoded into its shared-model record. Blocking; runs off the FX thread. Parts a server does not serve yet leave
 * their part of the tick empty and say so in {@code problem}.
 */
public final class DashboardSource {
    private final ApiClient api;
    private final Clock clock;

    public DashboardSource(ApiClient api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** One tick; {@code withRules}/{@code withStatus} also fetch the slower-changing parts. */
    public DashboardTick fetch(boolean withRules, boolean withStatus) {
        long at = clock.millis();
        List<String> problems = new ArrayList<>();
        Map<String, Double> metrics = new HashMap<>();
        Map<String, List<Double>> routes = new LinkedHashMap<>();
        List<Tile> breakers = new ArrayList<>();
        long uptime = -1;
        try {
            PerfSnapshot s = api.get("/api/v1/performance/metrics", PerfSnapshot.class);
            readMetrics(s, metrics, routes);
            breakers = readBreakers(s.breakers());
            uptime = s.uptimeSeconds();
        } catch (ApiException e) {
            problems.add("metrics: " + e.display());
        }
        List<AlertRow> active = List.of();
        List<AlertRow> history = List.of();
        try {
            AlertsView a = api.get("/api/v1/performance/alerts", AlertsView.class);
            active = alerts(a.active());
            history = alerts(a.history());
        } catch (ApiException e) {
            problems.add("alerts: " + e.display());
        }
        Map<String, Thresholds> rules = null;
        if (withRules) {
            try {
                rules = rules(api.list("/api/v1/admin/alert-rules", AlertRule.class));
            } catch (ApiException e) {
                problems.add("alert rules: " + e.display());
            }
        }
        List<Tile> upstreams = null;
        if (withStatus) {
            try {
                upstreams = upstreams(api.list("/api/v1/dashboard/status", ServiceStatusView.class));
            } catch (ApiException e) {
                problems.add("service status: " + e.display());
            }
        }
        return new DashboardTick(at, metrics, routes, uptime, breakers, upstreams, active, history, rules,
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    /** Reads the chart values and per-route percentiles of a {@code /performance/metrics} snapshot. */
    public static void readMetrics(PerfSnapshot s, Map<String, Double> m, Map<String, List<Double>> routes) {
        m.put("p50", s.overall().p50Ms());
        m.put("p95", s.overall().p95Ms());
        m.put("p99", s.overall().p99Ms());
        m.put("throughput", s.overall().throughput());
        m.put("errorRate", s.overall().errorRate());
        m.put("heap", s.jvm().heapUsedMb());
        m.put("memory", s.jvm().memoryMb());
        m.put("cacheHitRate", s.caches().hitRate());
        m.put("poolUsage", s.db().usagePercent());
        m.put("poolPending", (double) s.db().pending());
        for (RouteStats r : s.routes()) {
            routes.put(r.method() + " " + r.route(), java.util.Arrays.asList(r.p50Ms(), r.p95Ms(), r.p99Ms()));
        }
    }

    /** One tile per breaker: its state, and its failure rate or why there is none. */
    static List<Tile> readBreakers(List<BreakerStats> list) {
        List<Tile> out = new ArrayList<>();
        for (BreakerStats b : list) {
            BreakerState state = b.state();
            String detail;
            if (state == BreakerState.NOT_CONFIGURED) {
                detail = "no address set";
            } else if (b.failureRate() < 0) {
                detail = "too few calls";
            } else {
                detail = String.format(java.util.Locale.ROOT, "%.0f %% failures", b.failureRate());
            }
            out.add(new Tile(b.name(), DashboardLabels.breaker(state), detail, switch (state) {
                case CLOSED -> Severity.OK;
                case HALF_OPEN -> Severity.WARNING;
                case OPEN, FORCED_OPEN -> Severity.CRITICAL;
                default -> Severity.NONE;
            }));
        }
        return out;
    }

    static List<Tile> upstreams(List<ServiceStatusView> list) {
        List<Tile> out = new ArrayList<>();
        for (ServiceStatusView u : list) {
            String status = u.status() == null ? "unknown" : u.status().toString();
            out.add(new Tile(u.displayName() == null ? u.name() : u.displayName(), status,
                    u.responseTimeMs() != null ? u.responseTimeMs() + " ms" : u.message() == null ? "" : u.message(),
                    switch (status) {
                        case "up" -> Severity.OK;
                        case "degraded" -> Severity.WARNING;
                        case "down" -> Severity.CRITICAL;
                        default -> Severity.NONE;
                    }));
        }
        return out;
    }

    static List<AlertRow> alerts(List<AlertView> list) {
        List<AlertRow> out = new ArrayList<>();
        for (AlertView a : list) {
            out.add(new AlertRow(String.valueOf(a.id()), a.ruleId(), a.severity().toString(), a.message(), a.since(),
                    a.resolvedAt(), a.acknowledgedAt() != null));
        }
        return out;
    }

    /** Thresholds by metric; when several rules watch one metric the first enabled one is drawn. */
    static Map<String, Thresholds> rules(List<AlertRule> list) {
        Map<String, Thresholds> out = new HashMap<>();
        for (AlertRule r : list) {
            if (!r.enabled()) {
                continue;
            }
            out.putIfAbsent(r.metric().wire(), new Thresholds(r.id(), r.comparison() == Comparison.BELOW,
                    r.warning(), r.critical()));
        }
        return out;
    }
}
