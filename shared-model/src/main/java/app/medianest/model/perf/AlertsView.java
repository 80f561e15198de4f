package app.medianest.model.perf;

import java.util.List;

/**
 * {@code GET /api/v1/performance/alerts}: the alerts active now and the most recent ones, newest first.
 *
 * @param active  alerts not resolved yet
 * @param history recent alerts, active and resolved, newest first
 */
public record AlertsView(List<AlertView> active, List<AlertView> history) {
    public AlertsView {
        active = List.copyOf(active);
        history = List.copyOf(history);
    }
}
