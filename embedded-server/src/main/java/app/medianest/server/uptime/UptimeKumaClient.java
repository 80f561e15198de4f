package app.medianest.server.uptime;

import app.medianest.model.ServiceState;
import app.medianest.server.resilience.UpstreamGuard;
import app.medianest.server.services.ServiceConfig;
import app.medianest.server.services.ServiceConfigs;
import app.medianest.server.services.ServiceName;
import app.medianest.server.upstream.UpstreamException;
import app.medianest.server.upstream.UpstreamHttp;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads every monitor's status from Uptime Kuma. With an API key configured it reads Prometheus {@code /metrics}
 * (all monitors, 1-day and 30-day uptime on 2.1+); otherwise the public status page's JSON (the monitors on that
 * page, 24-hour uptime, no 30-day figure).
 */
public final class UptimeKumaClient {
    static final String SERVICE = "uptime-kuma";

    private final ServiceConfigs configs;
    private final UpstreamGuard guard;
    private final UpstreamHttp http;

    public UptimeKumaClient(ServiceConfigs configs, UpstreamGuard guard, UpstreamHttp http) {
        this.configs = configs;
        this.guard = guard;
        this.http = http;
    }

    public boolean configured() {
        return configs.get(ServiceName.UPTIME_KUMA).usable();
    }

    /** Every monitor's current reading. */
    public List<MonitorReading> read() {
        ServiceConfig c = configs.get(ServiceName.UPTIME_KUMA);
        if (!c.usable()) {
            throw new UpstreamException(SERVICE, UpstreamException.Kind.NOT_CONFIGURED, 0,
                    "Uptime Kuma is not configured", null);
        }
        return guard.read(() -> c.apiKey() != null ? fromMetrics(c) : fromStatusPage(c));
    }

    /** One unguarded read with {@code c}, for the admin's connection test. */
    public String probe(ServiceConfig c) {
        List<MonitorReading> readings = c.apiKey() != null ? fromMetrics(c) : fromStatusPage(c);
        long up = readings.stream().filter(r -> r.state() == ServiceState.UP).count();
        return (c.apiKey() != null ? "Metrics" : "Status page '" + slug(c) + "'") + ": " + readings.size()
                + " monitors, " + up + " up";
    }

    private List<MonitorReading> fromStatusPage(ServiceConfig c) {
        String slug = URLEncoder.encode(slug(c), StandardCharsets.UTF_8);
        JsonNode page = http.send(SERVICE, get(c, "/api/status-page/" + slug).build()).json();
        JsonNode beats = http.send(SERVICE, get(c, "/api/status-page/heartbeat/" + slug).build()).json();
        List<MonitorReading> out = new ArrayList<>();
        for (JsonNode group : page.path("publicGroupList")) {
            for (JsonNode monitor : group.path("monitorList")) {
                String id = monitor.path("id").asText();
                JsonNode list = beats.path("heartbeatList").path(id);
                JsonNode last = list.isArray() && !list.isEmpty() ? list.get(list.size() - 1) : null;
                int code = last == null ? -1 : last.path("status").asInt(-1);
                JsonNode uptime = beats.path("uptimeList").path(id + "_24");
                out.add(new MonitorReading(monitor.path("name").asText(id), MonitorReading.state(code),
                        last != null && last.path("ping").canConvertToInt() ? last.get("ping").asInt() : null,
                        uptime.isNumber() ? uptime.asDouble() : null, null, MonitorReading.message(code)));
            }
        }
        return out;
    }

    private List<MonitorReading> fromMetrics(ServiceConfig c) {
        String auth = Base64.getEncoder().encodeToString((":" + c.apiKey()).getBytes(StandardCharsets.UTF_8));
        String text = http.send(SERVICE, get(c, "/metrics").header("Authorization", "Basic " + auth).build()).text();
        Map<String, double[]> byMonitor = new LinkedHashMap<>();
        for (PrometheusText.Sample s : PrometheusText.parse(text)) {
            String name = s.labels().get("monitor_name");
            if (name == null) {
                continue;
            }
            // status, response time, uptime 1d, uptime 30d; NaN = not reported
            double[] v = byMonitor.computeIfAbsent(name, k -> new double[] {Double.NaN, Double.NaN, Double.NaN,
                Double.NaN});
            String window = s.labels().getOrDefault("window", "");
            switch (s.name()) {
                case "monitor_status" -> v[0] = s.value();
                case "monitor_response_time" -> v[1] = s.value();
                case "monitor_uptime_ratio" -> {
                    if (window.equals("1d")) {
                        v[2] = s.value();
                    } else if (window.equals("30d")) {
                        v[3] = s.value();
                    }
                }
                default -> { }
            }
        }
        List<MonitorReading> out = new ArrayList<>();
        byMonitor.forEach((name, v) -> {
            int code = Double.isNaN(v[0]) ? -1 : (int) v[0];
            out.add(new MonitorReading(name, MonitorReading.state(code),
                    Double.isNaN(v[1]) || v[1] < 0 ? null : (int) Math.round(v[1]),
                    Double.isNaN(v[2]) ? null : v[2], Double.isNaN(v[3]) ? null : v[3], MonitorReading.message(code)));
        });
        return out;
    }

    private static String slug(ServiceConfig c) {
        return c.setting("slug").orElse("default").toLowerCase(Locale.ROOT);
    }

    private HttpRequest.Builder get(ServiceConfig c, String path) {
        return http.request(URI.create(c.url() + path)).header("Accept", "application/json").GET();
    }
}
