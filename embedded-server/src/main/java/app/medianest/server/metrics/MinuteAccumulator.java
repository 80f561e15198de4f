package app.medianest.server.metrics;

import app.medianest.model.perf.BreakerStats;
import app.medianest.model.perf.CacheStats;
import app.medianest.model.perf.SlowQuery;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates the readings of the current minute and turns them into a {@link MinuteRollup}: counters as
 * differences from the reading that opened the minute, gauges as means and peaks of the readings.
 * Not thread-safe: the monitor calls it under its lock.
 */
final class MinuteAccumulator {
    private static final int SLOW_PER_MINUTE = 20;

    private PerformanceMonitor.Sample base;
    private int n;
    private double heapSum;
    private double heapMax;
    private double memSum;
    private double memMax;
    private double poolSum;
    private double poolMax;
    private int pendingMax;
    private int openMax;

    MinuteAccumulator(PerformanceMonitor.Sample base) {
        this.base = base;
    }

    /** Adds a reading; returns the finished minute when {@code s} lies in a later minute than its start. */
    MinuteRollup add(PerformanceMonitor.Sample s, List<SlowQuery> recentSlow) {
        accumulate(s);
        if (!minuteOf(s).isAfter(base.at().truncatedTo(ChronoUnit.MINUTES))) {
            return null;
        }
        MinuteRollup r = build(s, recentSlow);
        base = s;
        n = 0;
        heapSum = heapMax = memSum = memMax = poolSum = poolMax = 0;
        pendingMax = openMax = 0;
        return r;
    }

    /** The minute so far, up to {@code s}, without closing it. */
    MinuteRollup partial(PerformanceMonitor.Sample s, List<SlowQuery> recentSlow) {
        MinuteAccumulator copy = new MinuteAccumulator(base);
        copy.n = n;
        copy.heapSum = heapSum;
        copy.heapMax = heapMax;
        copy.memSum = memSum;
        copy.memMax = memMax;
        copy.poolSum = poolSum;
        copy.poolMax = poolMax;
        copy.pendingMax = pendingMax;
        copy.openMax = openMax;
        copy.accumulate(s);
        return copy.build(s, recentSlow);
    }

    private static java.time.Instant minuteOf(PerformanceMonitor.Sample s) {
        return s.at().truncatedTo(ChronoUnit.MINUTES);
    }

    private void accumulate(PerformanceMonitor.Sample s) {
        n++;
        heapSum += s.jvm().heapUsedMb();
        heapMax = Math.max(heapMax, s.jvm().heapUsedMb());
        memSum += s.jvm().memoryMb();
        memMax = Math.max(memMax, s.jvm().memoryMb());
        poolSum += s.db().usagePercent();
        poolMax = Math.max(poolMax, s.db().usagePercent());
        pendingMax = Math.max(pendingMax, s.db().pending());
        int open = 0;
        for (BreakerStats b : s.breakers()) {
            open += b.state().refusesCalls() ? 1 : 0;
        }
        openMax = Math.max(openMax, open);
    }

    private MinuteRollup build(PerformanceMonitor.Sample s, List<SlowQuery> recentSlow) {
        List<MinuteRollup.RouteRollup> routes = new ArrayList<>();
        LatencyHistogram all = LatencyHistogram.EMPTY;
        long requests = 0;
        long e4 = 0;
        long e5 = 0;
        double maxMs = 0;
        for (var e : s.requests().routes().entrySet()) {
            RequestTotals.Counts c = e.getValue();
            RequestTotals.Counts b = base.requests().base(e.getKey());
            long req = c.count - (b == null ? 0 : b.count);
            if (req <= 0) {
                continue;
            }
            long r4 = c.errors4xx - (b == null ? 0 : b.errors4xx);
            long r5 = c.errors5xx - (b == null ? 0 : b.errors5xx);
            LatencyHistogram h = s.requests().histogramSince(e.getKey(), base.requests());
            routes.add(new MinuteRollup.RouteRollup(e.getKey().method(), e.getKey().route(), req, r4, r5, c.maxMs, h));
            all = all.plus(h);
            requests += req;
            e4 += r4;
            e5 += r5;
            maxMs = Math.max(maxMs, c.maxMs);
        }
        Map<String, CacheStats> before = new HashMap<>();
        base.caches().forEach(c -> before.put(c.name(), c));
        List<MinuteRollup.CacheRollup> caches = new ArrayList<>();
        long hits = 0;
        long misses = 0;
        for (CacheStats c : s.caches()) {
            CacheStats b = before.get(c.name());
            long h = c.hits() - (b == null ? 0 : b.hits());
            long m = c.misses() - (b == null ? 0 : b.misses());
            caches.add(new MinuteRollup.CacheRollup(c.name(), h, m, c.evictions() - (b == null ? 0 : b.evictions())));
            hits += h;
            misses += m;
        }
        long gcPauses = s.jvm().gcPauses() - (base.jvm() == null ? 0 : base.jvm().gcPauses());
        double gcMs = s.jvm().gcPauseMs() - (base.jvm() == null ? 0 : base.jvm().gcPauseMs());
        long slowNow = s.db().slowWarnings() + s.db().slowCritical();
        long slowBefore = base.db() == null ? 0 : base.db().slowWarnings() + base.db().slowCritical();
        List<SlowQuery> slow = recentSlow.stream()
                .filter(q -> q.at().isAfter(base.at()) && !q.at().isAfter(s.at())).limit(SLOW_PER_MINUTE).toList();
        int seconds = (int) Math.max(1, Duration.between(base.at(), s.at()).toSeconds());
        int samples = Math.max(1, n);
        return new MinuteRollup(base.at().truncatedTo(ChronoUnit.MINUTES), seconds, requests, e4, e5, maxMs, all,
                routes, heapSum / samples, heapMax, memSum / samples, memMax, poolSum / samples, poolMax, pendingMax,
                s.db().max(), hits, misses, caches, gcPauses, gcMs, slowNow - slowBefore, slow, openMax);
    }
}
