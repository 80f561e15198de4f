package app.medianest.console.dashboard;

import app.medianest.console.api.ApiClient;
import app.medianest.console.api.ApiException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fetches one {@link DashboardTick} over HTTP: the metrics snapshot, the alerts, and (less often) the alert
 * rules and the upstream status. Blocking; runs off the FX thread. Parts a server does not serve yet leave
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
            JsonNode s = api.get("/api/v1/performance/metrics");
            readMetrics(s, metrics, routes);
            breakers = readBreakers(s.path("breakers"));
            uptime = s.path("uptimeSeconds").asLong(-1);
        } catch (ApiException e) {
            problems.add("metrics: " + e.display());
        }
        List<AlertRow> active = List.of();
        List<AlertRow> history = List.of();
        try {
            JsonNode a = api.get("/api/v1/performance/alerts");
            active = alerts(a.path("active"));
            history = alerts(a.path("history"));
        } catch (ApiException e) {
            problems.add("alerts: " + e.display());
        }
        Map<String, Thresholds> rules = null;
        if (withRules) {
            try {
                rules = rules(api.get("/api/v1/admin/alert-rules"));
            } catch (ApiException e) {
                problems.add("alert rules: " + e.display());
            }
        }
        List<Tile> upstreams = null;
        if (withStatus) {
            try {
                upstreams = upstreams(api.get("/api/v1/dashboard/status"));
            } catch (ApiException e) {
                problems.add("service status: " + e.display());
            }
        }
        return new DashboardTick(at, metrics, routes, uptime, breakers, upstreams, active, history, rules,
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    /** Reads the chart values and per-route percentiles of a {@code /performance/metrics} snapshot. */
    public static void readMetrics(JsonNode s, Map<String, Double> m, Map<String, List<Double>> routes) {
        JsonNode o = s.path("overall");
        m.put("p50", num(o.path("p50Ms")));
        m.put("p95", num(o.path("p95Ms")));
        m.put("p99", num(o.path("p99Ms")));
        m.put("throughput", num(o.path("throughput")));
        m.put("errorRate", num(o.path("errorRate")));
        JsonNode jvm = s.path("jvm");
        m.put("heap", num(jvm.path("heapUsedMb")));
        m.put("memory", num(jvm.path("memoryMb")));
        m.put("cacheHitRate", num(s.path("caches").path("hitRate")));
        m.put("poolUsage", num(s.path("db").path("usagePercent")));
        m.put("poolPending", num(s.path("db").path("pending")));
        for (JsonNode r : s.path("routes")) {
            routes.put(r.path("method").asText() + " " + r.path("route").asText(),
                    java.util.Arrays.asList(num(r.path("p50Ms")), num(r.path("p95Ms")), num(r.path("p99Ms"))));
        }
    }

    static List<Tile> readBreakers(JsonNode list) {
        List<Tile> out = new ArrayList<>();
        for (JsonNode b : list) {
            String state = b.path("state").asText("unknown");
            double rate = b.path("failureRate").asDouble(-1);
            out.add(new Tile(b.path("name").asText(), state,
                    rate < 0 ? "too few calls" : String.format(java.util.Locale.ROOT, "%.0f %% failures", rate),
                    switch (state) {
                        case "closed" -> Severity.OK;
                        case "half_open" -> Severity.WARNING;
                        case "open", "forced_open" -> Severity.CRITICAL;
                        default -> Severity.NONE;
                    }));
        }
        return out;
    }

    static List<Tile> upstreams(JsonNode list) {
        List<Tile> out = new ArrayList<>();
        for (JsonNode u : list) {
            String status = u.path("status").asText("unknown");
            JsonNode ms = u.path("responseTimeMs");
            out.add(new Tile(u.path("displayName").asText(u.path("name").asText()), status,
                    ms.isNumber() ? ms.asLong() + " ms" : u.path("message").asText(""),
                    switch (status) {
                        case "up" -> Severity.OK;
                        case "degraded" -> Severity.WARNING;
                        case "down" -> Severity.CRITICAL;
                        default -> Severity.NONE;
                    }));
        }
        return out;
    }

    static List<AlertRow> alerts(JsonNode list) {
        List<AlertRow> out = new ArrayList<>();
        for (JsonNode a : list) {
            out.add(new AlertRow(a.path("id").asText(), a.path("ruleId").asText(), a.path("severity").asText(),
                    a.path("message").asText(), instant(a.path("since")), instant(a.path("resolvedAt")),
                    a.hasNonNull("acknowledgedAt")));
        }
        return out;
    }

    /** Thresholds by metric; when several rules watch one metric the first enabled one is drawn. */
    static Map<String, Thresholds> rules(JsonNode list) {
        Map<String, Thresholds> out = new HashMap<>();
        for (JsonNode r : list.isArray() ? list : list.path("rules")) {
            if (!r.path("enabled").asBoolean(true)) {
                continue;
            }
            out.putIfAbsent(r.path("metric").asText(), new Thresholds(r.path("id").asText(),
                    "below".equals(r.path("comparison").asText()), num(r.path("warning")), num(r.path("critical"))));
        }
        return out;
    }

    private static Double num(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }

    private static Instant instant(JsonNode n) {
        return n.isTextual() ? Instant.parse(n.asText()) : null;
    }
}
