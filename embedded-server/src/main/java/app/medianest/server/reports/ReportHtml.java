package app.medianest.server.reports;

import app.medianest.model.perf.AlertView;
import app.medianest.model.perf.PerfReport;
import app.medianest.model.perf.SlowQuery;

import java.util.Locale;

/** A readable, self-contained HTML page of a {@link PerfReport} (no scripts, every value escaped). */
final class ReportHtml {
    private ReportHtml() {
    }

    static String render(PerfReport r) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>MediaNest performance ")
                .append(esc(r.from() + " to " + r.to())).append("</title><style>body{font-family:sans-serif;"
                + "margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;"
                + "padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}</style></head>"
                + "<body>\n");
        b.append("<h1>MediaNest performance report</h1>\n<p>").append(esc(r.from().toString())).append(" to ")
                .append(esc(r.to().toString())).append(" (").append(r.coveredMinutes())
                .append(" minutes with data); generated ").append(esc(r.generatedAt().toString())).append("</p>\n");
        b.append("<h2>Requests</h2>\n<table><tr><th>requests</th><th>req/s</th><th>5xx %</th><th>4xx %</th>"
                + "<th>p50 ms</th><th>p95 ms</th><th>p99 ms</th></tr>\n<tr><td>").append(r.requests())
                .append("</td>").append(td(r.throughput())).append(td(r.errorRate())).append(td(r.clientErrorRate()))
                .append(td(r.p50Ms())).append(td(r.p95Ms())).append(td(r.p99Ms())).append("</tr></table>\n");
        b.append("<h2>Routes</h2>\n<table><tr><th>route</th><th>requests</th><th>4xx</th><th>5xx</th>"
                + "<th>5xx %</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>max ms</th></tr>\n");
        for (PerfReport.RouteReport x : r.routes()) {
            b.append("<tr><td>").append(esc(x.method() + " " + x.route())).append("</td><td>").append(x.requests())
                    .append("</td><td>").append(x.errors4xx()).append("</td><td>").append(x.errors5xx())
                    .append("</td>").append(td(x.errorRate())).append(td(x.p50Ms())).append(td(x.p95Ms()))
                    .append(td(x.p99Ms())).append(td(x.maxMs())).append("</tr>\n");
        }
        b.append("</table>\n<h2>Memory and database</h2>\n<table><tr><th>heap mean MB</th><th>heap max MB</th>"
                + "<th>memory mean MB</th><th>memory max MB</th><th>GC pauses</th><th>GC ms</th><th>pool mean %</th>"
                + "<th>pool max %</th><th>waiting max</th></tr>\n<tr>").append(td(r.memory().heapMeanMb()))
                .append(td(r.memory().heapMaxMb())).append(td(r.memory().memoryMeanMb()))
                .append(td(r.memory().memoryMaxMb())).append("<td>").append(r.memory().gcPauses()).append("</td>")
                .append(td(r.memory().gcPauseMs())).append(td(r.pool().usageMeanPercent()))
                .append(td(r.pool().usageMaxPercent())).append("<td>").append(r.pool().pendingMax())
                .append("</td></tr></table>\n");
        b.append("<h2>Caches</h2>\n<p>Hit rate: ").append(num(r.caches().hitRate())).append(" % of ")
                .append(r.caches().lookups()).append(" lookups</p>\n<table><tr><th>cache</th><th>hits</th>"
                + "<th>misses</th><th>hit %</th><th>evictions</th></tr>\n");
        for (PerfReport.CacheRow c : r.caches().caches()) {
            b.append("<tr><td>").append(esc(c.name())).append("</td><td>").append(c.hits()).append("</td><td>")
                    .append(c.misses()).append("</td>").append(td(c.hitRate())).append("<td>").append(c.evictions())
                    .append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Slow queries (").append(r.slowQueryCount()).append(")</h2>\n<table><tr><th>"
                + "statement</th><th>ms</th><th>level</th><th>at</th></tr>\n");
        for (SlowQuery q : r.slowQueries()) {
            b.append("<tr><td>").append(esc(q.statement())).append("</td>").append(td(q.durationMs())).append("<td>")
                    .append(q.level()).append("</td><td>").append(esc(q.at().toString())).append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Alerts (").append(r.alerts().size()).append(")</h2>\n<table><tr><th>raised</th>"
                + "<th>severity</th><th>message</th><th>resolved</th></tr>\n");
        for (AlertView a : r.alerts()) {
            b.append("<tr><td>").append(esc(a.since().toString())).append("</td><td>").append(a.severity())
                    .append("</td><td>").append(esc(a.message())).append("</td><td>")
                    .append(a.resolvedAt() == null ? "active" : esc(a.resolvedAt().toString())).append("</td></tr>\n");
        }
        return b.append("</table>\n</body></html>\n").toString();
    }

    private static String td(Double v) {
        return "<td>" + num(v) + "</td>";
    }

    private static String num(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
