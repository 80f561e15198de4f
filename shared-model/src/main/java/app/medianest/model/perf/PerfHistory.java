package app.medianest.model.perf;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/performance/history?window=1h|6h|24h}: the rolled-up history for the console's charts.
 *
 * @param window      the window asked for
 * @param stepSeconds length of each point (60 for 1h, 300 for 6h, 900 for 24h)
 * @param from        start of the window
 * @param to          end of the window
 * @param points      oldest first; steps without any data are left out
 */
public record PerfHistory(String window, int stepSeconds, Instant from, Instant to, List<PerfPoint> points) {
    public PerfHistory {
        points = List.copyOf(points);
    }
}
