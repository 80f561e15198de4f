package app.medianest.server.reports;

import app.medianest.model.perf.PerfHistory;
import app.medianest.model.perf.PerfPoint;
import app.medianest.server.metrics.MinuteRollup;
import app.medianest.server.metrics.PerformanceMonitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The console's history views: 1 h in 1-minute points, 6 h in 5-minute points, 24 h in 15-minute points. */
public final class HistoryBuilder {
    /** A history window: how far back, and the length of each point. */
    public record Window(Duration span, Duration step) {
    }

    /** The windows offered. */
    public static final Map<String, Window> WINDOWS = Map.of(
            "1h", new Window(Duration.ofHours(1), Duration.ofMinutes(1)),
            "6h", new Window(Duration.ofHours(6), Duration.ofMinutes(5)),
            "24h", new Window(Duration.ofHours(24), Duration.ofMinutes(15)));

    private final PerformanceMonitor monitor;
    private final Clock clock;

    public HistoryBuilder(PerformanceMonitor monitor, Clock clock) {
        this.monitor = monitor;
        this.clock = clock;
    }

    /** The history of {@code window} (a key of {@link #WINDOWS}), including the minute in progress. */
    public PerfHistory history(String window) {
        Window spec = WINDOWS.get(window);
        if (spec == null) {
            throw new IllegalArgumentException("must be one of 1h, 6h, 24h (was '" + window + "')");
        }
        Instant to = clock.instant();
        Instant from = to.minus(spec.span());
        long step = spec.step().toSeconds();
        List<MinuteRollup> minutes = new ArrayList<>(monitor.rollups().between(from, to));
        MinuteRollup current = monitor.currentMinute();
        if (minutes.isEmpty() || minutes.getLast().at().isBefore(current.at())) {
            minutes.add(current);
        }
        Map<Long, List<MinuteRollup>> groups = new TreeMap<>();
        for (MinuteRollup m : minutes) {
            if (!m.at().isBefore(from.minusSeconds(60))) {
                groups.computeIfAbsent(Math.floorDiv(m.at().getEpochSecond(), step), k -> new ArrayList<>()).add(m);
            }
        }
        List<PerfPoint> points = new ArrayList<>();
        groups.forEach((k, group) -> points.add(Rollups.point(Instant.ofEpochSecond(k * step), (int) step, group)));
        return new PerfHistory(window, (int) step, from, to, points);
    }
}
