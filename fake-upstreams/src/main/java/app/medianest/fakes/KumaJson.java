package app.medianest.fakes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Renders Uptime Kuma status-page JSON and Prometheus metrics (upstreams.md section 4). */
final class KumaJson {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private KumaJson() {
    }

    static ObjectNode fail(String message) {
        return Json.object().put("status", "fail").put("msg", message);
    }

    static ObjectNode statusPage(String slug, List<KumaMonitor> monitors) {
        ObjectNode body = Json.object();
        body.putObject("config")
                .put("slug", slug).put("title", "MediaNest Services").putNull("description")
                .put("icon", "/icon.svg").put("autoRefreshInterval", 300).put("theme", "auto")
                .put("published", true).put("showTags", false).put("customCSS", "body {\n  \n}\n")
                .putNull("footerText").put("showPoweredBy", true).put("showCertificateExpiry", false)
                .putNull("googleAnalyticsId");
        body.putArray("incidents");
        ArrayNode monitorList = body.putArray("publicGroupList").addObject()
                .put("id", 1).put("name", "Services").put("weight", 1).putArray("monitorList");
        monitors.forEach(m -> monitorList.addObject().put("id", m.id()).put("name", m.name()).put("sendUrl", 0)
                .put("type", m.type()));
        body.putArray("maintenanceList");
        return body;
    }

    static ObjectNode heartbeats(Map<KumaMonitor, List<KumaBeat>> beats) {
        ObjectNode body = Json.object();
        ObjectNode heartbeatList = body.putObject("heartbeatList");
        ObjectNode uptimeList = body.putObject("uptimeList");
        beats.forEach((monitor, list) -> {
            ArrayNode array = heartbeatList.putArray(String.valueOf(monitor.id()));
            list.forEach(beat -> {
                ObjectNode node = array.addObject().put("status", beat.status().code())
                        .put("time", TIME.format(beat.time())).put("msg", "");
                if (beat.ping() == null) {
                    node.putNull("ping");
                } else {
                    node.put("ping", beat.ping());
                }
            });
            uptimeList.put(monitor.id() + "_24", uptime(list));
        });
        return body;
    }

    /** up / (up + down) over the kept beats, 0 without data. */
    static double uptime(List<KumaBeat> beats) {
        long up = beats.stream().filter(b -> b.status() == MonitorStatus.UP).count();
        long down = beats.stream().filter(b -> b.status() == MonitorStatus.DOWN).count();
        return up + down == 0 ? 0 : Math.round(up * 10_000.0 / (up + down)) / 10_000.0;
    }

    static String metrics(Map<KumaMonitor, List<KumaBeat>> beats) {
        StringBuilder text = new StringBuilder()
                .append("# HELP process_cpu_user_seconds_total Total user CPU time spent in seconds.\n")
                .append("# TYPE process_cpu_user_seconds_total counter\n")
                .append("process_cpu_user_seconds_total 12.34\n\n");
        gauge(text, "monitor_cert_days_remaining", "The number of days remaining until the certificate expires");
        beats.keySet().stream().filter(m -> m.url() != null && m.url().startsWith("https:"))
                .forEach(m -> text.append("monitor_cert_days_remaining").append(labels(m, null)).append(" 60\n"));
        gauge(text, "monitor_cert_is_valid", "Is the certificate still valid? (1 = Yes, 0= No)");
        beats.keySet().stream().filter(m -> m.url() != null && m.url().startsWith("https:"))
                .forEach(m -> text.append("monitor_cert_is_valid").append(labels(m, null)).append(" 1\n"));
        gauge(text, "monitor_response_time", "Monitor Response Time (ms)");
        beats.forEach((m, list) -> text.append("monitor_response_time").append(labels(m, null)).append(' ')
                .append(list.isEmpty() || list.getLast().ping() == null ? -1 : list.getLast().ping()).append('\n'));
        gauge(text, "monitor_status", "Monitor Status (1 = UP, 0= DOWN, 2= PENDING, 3= MAINTENANCE)");
        beats.forEach((m, list) -> text.append("monitor_status").append(labels(m, null)).append(' ')
                .append(list.isEmpty() ? MonitorStatus.PENDING.code() : list.getLast().status().code()).append('\n'));
        gauge(text, "monitor_uptime_ratio", "Monitor Uptime Ratio (0.0 - 1.0)");
        beats.forEach((m, list) -> {
            for (String window : List.of("1d", "30d", "365d")) {
                text.append("monitor_uptime_ratio").append(labels(m, window)).append(' ').append(uptime(list))
                        .append('\n');
            }
        });
        gauge(text, "monitor_response_time_seconds", "Monitor Average Response Time (seconds)");
        beats.forEach((m, list) -> {
            double average = list.stream().filter(b -> b.ping() != null).mapToInt(KumaBeat::ping).average()
                    .orElse(0) / 1000.0;
            for (String window : List.of("1d", "30d", "365d")) {
                text.append("monitor_response_time_seconds").append(labels(m, window)).append(' ')
                        .append(Math.round(average * 10_000) / 10_000.0).append('\n');
            }
        });
        return text.toString();
    }

    private static void gauge(StringBuilder text, String name, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n");
    }

    private static String labels(KumaMonitor monitor, String window) {
        StringBuilder labels = new StringBuilder("{")
                .append("monitor_id=\"").append(monitor.id()).append("\",")
                .append("monitor_name=\"").append(escape(monitor.name())).append("\",")
                .append("monitor_type=\"").append(escape(monitor.type())).append("\",")
                .append("monitor_url=\"").append(escape(monitor.url() == null ? "null" : monitor.url())).append("\",")
                .append("monitor_hostname=\"null\",monitor_port=\"null\"");
        if (window != null) {
            labels.append(",window=\"").append(window).append('"');
        }
        return labels.append('}').toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
