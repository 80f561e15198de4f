/**
 * Micrometer instrumentation and the performance monitor: the process's one
 * {@link io.micrometer.prometheusmetrics.PrometheusMeterRegistry} ({@link app.medianest.server.metrics.Metrics}),
 * per-route request timers ({@link app.medianest.server.metrics.RouteMetrics}), statement timers and slow-query
 * detection ({@link app.medianest.server.metrics.QueryMetrics}), the JSON snapshot and minute rollups
 * ({@link app.medianest.server.metrics.PerformanceMonitor}), and the routes {@code /metrics},
 * {@code /api/v1/performance/metrics} and {@code /api/v1/performance/history}.
 */
package app.medianest.server.metrics;
