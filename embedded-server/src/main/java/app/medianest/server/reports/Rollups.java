package app.medianest.server.reports;

import app.medianest.model.perf.PerfPoint;
import app.medianest.server.metrics.LatencyHistogram;
import app.medianest.server.metrics.MinuteRollup;

import java.time.Instant;
import java.util.List;

/** Merges minute rollups into one figure set: history points and report totals come from here. */
final class Rollups {
    private Rollups() {
    }

    /** Latency of all {@code minutes} together. */
    static LatencyHistogram latency(List<MinuteRollup> minutes) {
        LatencyHistogram h = LatencyHistogram.EMPTY;
        for (MinuteRollup m : minutes) {
            h = h.plus(m.latency());
        }
        return h;
    }

    static long seconds(List<MinuteRollup> minutes) {
        return minutes.stream().mapToLong(MinuteRollup::seconds).sum();
    }

    /** One history point of {@code stepSeconds} starting at {@code at}, from the minutes in it. */
    static PerfPoint point(Instant at, int stepSeconds, List<MinuteRollup> minutes) {
        long requests = 0;
        long e5 = 0;
        long hits = 0;
        long lookups = 0;
        long slow = 0;
        double maxMs = 0;
        double heap = 0;
        double memory = 0;
        double poolMax = 0;
        int pending = 0;
        int open = 0;
        long seconds = Math.max(1, seconds(minutes));
        for (MinuteRollup m : minutes) {
            requests += m.requests();
            e5 += m.errors5xx();
            hits += m.cacheHits();
            lookups += m.cacheHits() + m.cacheMisses();
            slow += m.slowQueries();
            maxMs = Math.max(maxMs, m.maxMs());
            heap += m.heapMeanMb() * m.seconds();
            memory += m.memoryMeanMb() * m.seconds();
            poolMax = Math.max(poolMax, m.poolUsageMax());
            pending = Math.max(pending, m.poolPendingMax());
            open = Math.max(open, m.openBreakersMax());
        }
        LatencyHistogram h = latency(minutes);
        return new PerfPoint(at, stepSeconds, requests, (double) requests / seconds, percent(e5, requests),
                h.percentile(0.5, maxMs), h.percentile(0.95, maxMs), h.percentile(0.99, maxMs), maxMs,
                heap / seconds, memory / seconds, poolMax, pending, lookups == 0 ? null : 100.0 * hits / lookups,
                slow, open);
    }

    static double percent(long part, long whole) {
        return whole <= 0 ? 0 : 100.0 * part / whole;
    }
}
