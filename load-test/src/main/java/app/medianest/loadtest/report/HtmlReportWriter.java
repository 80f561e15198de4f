package app.medianest.loadtest.report;

import app.medianest.loadtest.config.Durations;
import app.medianest.loadtest.engine.BaselineRatio;
import app.medianest.loadtest.engine.EndpointStats;
import app.medianest.loadtest.engine.LatencyPercentiles;
import app.medianest.loadtest.engine.RunSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link LoadTestReport} as one self-contained HTML page: inline CSS and inline SVG charts, no scripts
 * and no external resources, so it can be attached to a CI run or opened offline.
 */
public final class HtmlReportWriter {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:24px;color:#212529;max-width:1000px}
            h1{font-size:22px} h2{font-size:17px;margin-top:28px}
            table{border-collapse:collapse;margin:8px 0} td,th{border:1px solid #dee2e6;padding:4px 8px;text-align:right}
            th{background:#f1f3f5} td:first-child,th:first-child{text-align:left}
            .pass{color:#2b8a3e;font-weight:600} .fail{color:#c92a2a;font-weight:600}
            .badge{padding:2px 10px;border-radius:4px;color:#fff} .badge.pass{background:#2b8a3e} .badge.fail{background:#c92a2a}
            svg text{font-size:12px;fill:#495057} .ct{font-size:14px;font-weight:600} .grid{stroke:#e9ecef}
            .yl{text-anchor:end} .xl{text-anchor:middle} .ar{text-anchor:end} .note{color:#495057;font-size:13px}
            """;

    private HtmlReportWriter() {
    }

    /**
     * Renders the page.
     *
     * @param report the report
     * @return the HTML text
     */
    public static String render(LoadTestReport report) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.append("<title>MediaNest load test</title><style>").append(STYLE).append("</style></head><body>\n");
        html.append("<h1>MediaNest load test ").append(badge(report.passed())).append("</h1>\n");
        html.append("<p class=\"note\">").append(Html.escape(report.settings().baseUrl())).append(" &middot; ")
                .append(Html.escape(String.valueOf(report.startedAt()))).append(" &middot; ")
                .append(Html.escape(report.generator())).append(report.stopped() ? " &middot; stopped early" : "")
                .append("</p>\n");
        summary(html, report);
        verdict(html, report.verdict());
        if (report.baselineComparison() != null) {
            comparison(html, report.baselineComparison());
        }
        if (report.baselineRatio() != null) {
            ratio(html, report.baselineRatio());
        }
        html.append("<h2>Over time</h2>\n").append(HtmlCharts.latency(report.timeline()))
                .append(HtmlCharts.throughput(report.timeline()));
        endpoints(html, report);
        settings(html, report.settings());
        html.append("<p class=\"note\">Response time is measured from each virtual user's intended send time and ")
                .append("corrected for coordinated omission; service time is measured from the actual send time, ")
                .append("as uncorrected tools report it. Verdict latencies use response time.</p>\n");
        return html.append("</body></html>\n").toString();
    }

    /**
     * Writes the page to a file (UTF-8), replacing it.
     *
     * @param report the report
     * @param file   the target file
     * @throws IOException when it cannot be written
     */
    public static void write(LoadTestReport report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    private static void summary(StringBuilder html, LoadTestReport report) {
        EndpointStats all = report.overall();
        LatencyPercentiles rt = all.responseTime();
        table(html, "Summary", List.of("requests", "throughput (req/s)", "sustain (req/s)", "error rate",
                "p50 ms", "p95 ms", "p99 ms", "max ms"), List.of(List.of(String.valueOf(all.requests()),
                fixed(all.throughputRps()), fixed(report.sustainThroughputRps()), percent(all.errorRate()),
                fixed(rt.p50Ms()), fixed(rt.p95Ms()), fixed(rt.p99Ms()), fixed(rt.maxMs()))));
    }

    private static void verdict(StringBuilder html, Verdict verdict) {
        List<List<String>> rows = new ArrayList<>();
        for (Check check : verdict.checks()) {
            rows.add(List.of(Html.escape(check.name()), fixed(check.actual()) + " " + Html.escape(check.unit()),
                    Html.escape(check.comparison()) + " " + fixed(check.limit()), result(check.passed())));
        }
        table(html, "Verdict against targets", List.of("check", "actual", "limit", "result"), rows);
    }

    private static void comparison(StringBuilder html, BaselineComparison comparison) {
        List<List<String>> rows = new ArrayList<>();
        for (BaselineComparison.Comparison c : comparison.comparisons()) {
            rows.add(List.of(Html.escape(c.metric()), fixed(c.baseline()), fixed(c.current()), percent(c.change()),
                    result(c.passed())));
        }
        table(html, "Baseline comparison (" + comparison.mode() + ", tolerance " + percent(comparison.tolerance())
                + ", latency tolerance " + percent(comparison.latencyTolerance()) + ")", List.of("metric", "baseline", "current", "change", "result"), rows);
    }

    private static void ratio(StringBuilder html, BaselineRatio ratio) {
        table(html, "Ratios to reference " + ratio.referencePath(), List.of("reference req/s", "reference p95 ms",
                "throughput ratio", "p50 ratio", "p95 ratio", "p99 ratio"), List.of(List.of(
                fixed(ratio.referenceThroughputRps()), fixed(ratio.referenceResponseTime().p95Ms()),
                fixed(ratio.throughputRatio()), fixed(ratio.p50Ratio()), fixed(ratio.p95Ratio()),
                fixed(ratio.p99Ratio()))));
    }

    private static void endpoints(StringBuilder html, LoadTestReport report) {
        List<List<String>> rows = new ArrayList<>();
        List<EndpointStats> all = new ArrayList<>(report.endpoints());
        all.add(report.overall());
        for (EndpointStats e : all) {
            rows.add(List.of(Html.escape(e.endpoint()), String.valueOf(e.requests()), fixed(e.throughputRps()),
                    String.valueOf(e.errors()), Html.escape(errors(e)), fixed(e.responseTime().p50Ms()),
                    fixed(e.responseTime().p95Ms()), fixed(e.responseTime().p99Ms()), fixed(e.responseTime().maxMs()),
                    fixed(e.serviceTime().p50Ms()), fixed(e.serviceTime().p95Ms()), fixed(e.serviceTime().p99Ms())));
        }
        table(html, "Endpoints", List.of("endpoint", "requests", "req/s", "errors", "errors by kind", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "service p50", "service p95", "service p99"), rows);
    }

    private static String errors(EndpointStats stats) {
        List<String> parts = new ArrayList<>();
        stats.errorsByStatus().forEach((status, count) -> parts.add(status + ": " + count));
        stats.transportErrors().forEach((kind, count) -> parts.add(kind + ": " + count));
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    private static void settings(StringBuilder html, RunSettings s) {
        StringBuilder mix = new StringBuilder();
        s.mix().forEach(e -> mix.append(mix.isEmpty() ? "" : ", ").append(e.path()).append('=').append(e.weight()));
        String reference = s.referencePath() == null ? "-"
                : s.referencePath() + " for " + Durations.format(s.referenceDuration())
                + (s.referenceRounds() != null && s.referenceRounds() > 1
                        ? " in " + s.referenceRounds() + " paired rounds" : "");
        List<List<String>> rows = List.of(
                List.of("users", String.valueOf(s.users())),
                List.of("ramp-up / sustain / ramp-down", Durations.format(s.rampUp()) + " / "
                        + Durations.format(s.sustain()) + " / " + Durations.format(s.rampDown())),
                List.of("warm-up (discarded)", Durations.format(s.warmup())),
                List.of("think time", Durations.format(s.thinkTime())),
                List.of("mix", Html.escape(mix.toString())),
                List.of("auth", Html.escape(s.authMode())),
                List.of("request timeout", Durations.format(s.requestTimeout())),
                List.of("reference", Html.escape(reference)),
                List.of("seed", String.valueOf(s.seed())),
                List.of("HTTP client", Html.escape(s.transport() == null ? "-" : s.transport())));
        table(html, "Settings", List.of("setting", "value"), rows);
    }

    /** Renders a table; header and title are text, cells are already HTML. */
    private static void table(StringBuilder html, String title, List<String> header, List<List<String>> rows) {
        html.append("<h2>").append(Html.escape(title)).append("</h2>\n<table><tr>");
        header.forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(cell).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static String badge(boolean passed) {
        return "<span class=\"badge " + (passed ? "pass\">PASSED" : "fail\">FAILED") + "</span>";
    }

    private static String result(boolean passed) {
        return "<span class=\"" + (passed ? "pass\">pass" : "fail\">FAIL") + "</span>";
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.3f", value);
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.2f%%", ratio * 100);
    }
}
