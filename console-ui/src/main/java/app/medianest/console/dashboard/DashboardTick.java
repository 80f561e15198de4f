package app.medianest.console.dashboard;

import java.util.List;
import java.util.Map;

/**
 * Everything the dashboard shows, fetched in one go off the FX thread and applied in one pass on it.
 *
 * @param at          sample time (epoch milliseconds)
 * @param metrics     the chart values of this second, by chart line key ({@code p95}, {@code heap}, ...);
 *                    empty when the server serves no metrics
 * @param routes      per route ({@code GET /api/v1/...}): p50, p95, p99
 * @param uptimeSeconds seconds since the server started, -1 when unknown
 * @param breakers    one tile per circuit breaker
 * @param upstreams   one tile per upstream service
 * @param active      active alerts
 * @param history     recent alerts, newest first
 * @param rules       thresholds by alert metric ({@code p95_ms}, ...); null when not fetched this tick
 * @param problem     why part of the data is missing, null when all is well
 */
public record DashboardTick(long at, Map<String, Double> metrics, Map<String, List<Double>> routes,
                            long uptimeSeconds, List<Tile> breakers, List<Tile> upstreams, List<AlertRow> active,
                            List<AlertRow> history, Map<String, Thresholds> rules, String problem) {
}
