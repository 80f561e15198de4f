package app.medianest.server.reports;

import app.medianest.model.perf.AlertView;
import app.medianest.model.perf.PerfReport;
import app.medianest.model.perf.SlowQuery;
import app.medianest.server.alerts.AlertEngine;
import app.medianest.server.metrics.LatencyHistogram;
import app.medianest.server.metrics.MinuteRollup;
import app.medianest.server.metrics.PerformanceMonitor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The performance report over a period, from the minute rollups (and the minute in progress when the
 * period reaches now): percentiles per route, throughput, errors, memory, cache hit rates, pool use, slow
 * queries and the alerts raised.
 */
public final class ReportBuilder {
    private static final int MAX_SLOW = 50;
    private static final int MAX_ALERTS = 200;

    private final PerformanceMonitor monitor;
    private final AlertEngine alerts;
    private final Clock clock;

    public ReportBuilder(PerformanceMonitor monitor, AlertEngine alerts, Clock clock) {
        this.monitor = monitor;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** The report of {@code [from, to)}. */
    public PerfReport build(Instant from, Instant to) {
        List<MinuteRollup> minutes = new ArrayList<>(monitor.rollups().between(from, to));
        MinuteRollup current = monitor.currentMinute();
        boolean currentCovered = !minutes.isEmpty() && !minutes.getLast().at().isBefore(current.at());
        if (!currentCovered && !current.at().isBefore(from.minusSeconds(59)) && current.at().isBefore(to)) {
            minutes.add(current);
        }
        long requests = 0;
        long e4 = 0;
        long e5 = 0;
        long slowCount = 0;
        double maxMs = 0;
        List<SlowQuery> slow = new ArrayList<>();
        for (MinuteRollup m : minutes) {
            requests += m.requests();
            e4 += m.errors4xx();
            e5 += m.errors5xx();
            slowCount += m.slowQueries();
            maxMs = Math.max(maxMs, m.maxMs());
            slow.addAll(m.slow());
        }
        slow.sort(Comparator.comparingDouble(SlowQuery::durationMs).reversed());
        LatencyHistogram all = Rollups.latency(minutes);
        long seconds = Math.max(1, Rollups.seconds(minutes));
        List<AlertView> raised = alerts.raisedBetween(from, to, MAX_ALERTS);
        return new PerfReport(from, to, clock.instant(), minutes.size(), requests,
                minutes.isEmpty() ? 0 : (double) requests / seconds, Rollups.percent(e5, requests),
                Rollups.percent(e4, requests), all.percentile(0.5, maxMs), all.percentile(0.95, maxMs),
                all.percentile(0.99, maxMs), routes(minutes), memory(minutes), pool(minutes), caches(minutes),
                slowCount, slow.subList(0, Math.min(MAX_SLOW, slow.size())), raised);
    }

    private static List<PerfReport.RouteReport> routes(List<MinuteRollup> minutes) {
        record Acc(String method, String route, long[] n, double[] max, LatencyHistogram[] h) {
        }
        Map<String, Acc> byRoute = new LinkedHashMap<>();
        for (MinuteRollup m : minutes) {
            for (MinuteRollup.RouteRollup r : m.routes()) {
                Acc a = byRoute.computeIfAbsent(r.method() + " " + r.route(), k -> new Acc(r.method(), r.route(),
                        new long[3], new double[1], new LatencyHistogram[] {LatencyHistogram.EMPTY}));
                a.n()[0] += r.requests();
                a.n()[1] += r.errors4xx();
                a.n()[2] += r.errors5xx();
                a.max()[0] = Math.max(a.max()[0], r.maxMs());
                a.h()[0] = a.h()[0].plus(r.latency());
            }
        }
        List<PerfReport.RouteReport> out = new ArrayList<>();
        for (Acc a : byRoute.values()) {
            LatencyHistogram h = a.h()[0];
            double max = a.max()[0];
            out.add(new PerfReport.RouteReport(a.method(), a.route(), a.n()[0], a.n()[1], a.n()[2],
                    Rollups.percent(a.n()[2], a.n()[0]), h.percentile(0.5, max), h.percentile(0.95, max),
                    h.percentile(0.99, max), max));
        }
        out.sort(Comparator.comparingLong(PerfReport.RouteReport::requests).reversed());
        return out;
    }

    private static PerfReport.MemoryReport memory(List<MinuteRollup> minutes) {
        double heap = 0;
        double heapMax = 0;
        double mem = 0;
        double memMax = 0;
        long pauses = 0;
        double pauseMs = 0;
        long seconds = Math.max(1, Rollups.seconds(minutes));
        for (MinuteRollup m : minutes) {
            heap += m.heapMeanMb() * m.seconds();
            mem += m.memoryMeanMb() * m.seconds();
            heapMax = Math.max(heapMax, m.heapMaxMb());
            memMax = Math.max(memMax, m.memoryMaxMb());
            pauses += m.gcPauses();
            pauseMs += m.gcPauseMs();
        }
        return new PerfReport.MemoryReport(heap / seconds, heapMax, mem / seconds, memMax, pauses, pauseMs);
    }

    private static PerfReport.PoolReport pool(List<MinuteRollup> minutes) {
        double usage = 0;
        double usageMax = 0;
        int pending = 0;
        int max = 0;
        long seconds = Math.max(1, Rollups.seconds(minutes));
        for (MinuteRollup m : minutes) {
            usage += m.poolUsageMean() * m.seconds();
            usageMax = Math.max(usageMax, m.poolUsageMax());
            pending = Math.max(pending, m.poolPendingMax());
            max = Math.max(max, m.poolMax());
        }
        return new PerfReport.PoolReport(usage / seconds, usageMax, pending, max);
    }

    private static PerfReport.CacheReport caches(List<MinuteRollup> minutes) {
        Map<String, long[]> byName = new LinkedHashMap<>();
        for (MinuteRollup m : minutes) {
            for (MinuteRollup.CacheRollup c : m.caches()) {
                long[] a = byName.computeIfAbsent(c.name(), k -> new long[3]);
                a[0] += c.hits();
                a[1] += c.misses();
                a[2] += c.evictions();
            }
        }
        long hits = 0;
        long lookups = 0;
        List<PerfReport.CacheRow> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : byName.entrySet()) {
            long[] a = e.getValue();
            hits += a[0];
            lookups += a[0] + a[1];
            rows.add(new PerfReport.CacheRow(e.getKey(), a[0], a[1], a[0] + a[1] == 0 ? null
                    : 100.0 * a[0] / (a[0] + a[1]), a[2]));
        }
        return new PerfReport.CacheReport(lookups == 0 ? null : 100.0 * hits / lookups, lookups, rows);
    }
}
