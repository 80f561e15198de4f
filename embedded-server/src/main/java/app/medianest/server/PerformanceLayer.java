package app.medianest.server;

import app.medianest.server.alerts.AlertEngine;
import app.medianest.server.alerts.AlertRepository;
import app.medianest.server.alerts.AlertRulesStore;
import app.medianest.server.alerts.AlertsHttp;
import app.medianest.server.cache.CacheConfig;
import app.medianest.server.cache.CacheFactory;
import app.medianest.server.cache.CacheHttp;
import app.medianest.server.cache.CacheRegistry;
import app.medianest.server.config.ServerConfig;
import app.medianest.server.config.Settings;
import app.medianest.server.config.SettingsCatalog;
import app.medianest.server.db.Database;
import app.medianest.server.flags.FeatureFlags;
import app.medianest.server.flags.FeatureFlagsHttp;
import app.medianest.server.http.Authenticator;
import app.medianest.server.http.RouteTable;
import app.medianest.server.metrics.Metrics;
import app.medianest.server.metrics.MetricsHttp;
import app.medianest.server.metrics.MinuteRollup;
import app.medianest.server.metrics.PerformanceMonitor;
import app.medianest.server.metrics.QueryMetrics;
import app.medianest.server.metrics.RollupRepository;
import app.medianest.server.metrics.RollupStore;
import app.medianest.server.metrics.RouteMetrics;
import app.medianest.server.reports.HistoryBuilder;
import app.medianest.server.reports.PerformanceHttp;
import app.medianest.server.reports.ReportBuilder;
import app.medianest.server.reports.ReportWriter;
import app.medianest.server.settings.AppSettings;
import com.github.benmanes.caffeine.cache.Ticker;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * The performance layer's part of the composition root: the one meter registry, feature flags, the cache
 * factory and registry, statement and route timers, the performance monitor, the alert engine and the
 * reports, with their routes and jobs. {@link Components} builds it right after the settings and hands its
 * seams to the other services ({@link #metrics()}, {@link #flags()}, {@link #caches()}, {@link #monitor()},
 * {@link #alerts()}).
 */
public final class PerformanceLayer implements AutoCloseable {
    private final Settings settings;
    private final Metrics metrics;
    private final FeatureFlags flags;
    private final CacheFactory caches;
    private final QueryMetrics queries;
    private final RouteMetrics routes;
    private final PerformanceMonitor monitor;
    private final AlertEngine alerts;
    private final ReportBuilder reports;
    private final ReportWriter reportWriter;
    private final HistoryBuilder history;
    private final Duration retention;
    private final Clock clock;

    PerformanceLayer(ServerConfig config, Clock clock, Ticker ticker, Database database, AppSettings appSettings) {
        this.settings = config.settings();
        this.clock = clock;
        this.metrics = new Metrics(clock);
        this.flags = defineFlags(new FeatureFlags(appSettings));
        this.caches = new CacheFactory(CacheConfig.from(settings), ticker, new CacheRegistry(metrics.registry()));
        Duration warn = settings.duration(SettingsCatalog.SLOW_QUERY_WARNING, Duration.ofMillis(1), Duration.ofHours(1));
        Duration critical = settings.duration(SettingsCatalog.SLOW_QUERY_CRITICAL, warn, Duration.ofHours(1));
        this.queries = new QueryMetrics(metrics.registry(), clock, warn, critical,
                flags.flag(FeatureFlags.QUERY_METRICS)::on);
        database.jdbc().listener(queries);
        database.pool().setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics.registry()));
        this.routes = new RouteMetrics(metrics.registry(), flags.flag(FeatureFlags.ROUTE_METRICS)::on);
        this.retention = settings.duration(SettingsCatalog.PERF_RETENTION, Duration.ofHours(1), Duration.ofDays(366));
        RollupStore rollups = new RollupStore(new RollupRepository(database.jdbc()), clock);
        rollups.loadRecent();
        this.monitor = new PerformanceMonitor(clock, metrics, database.pool(), queries, caches.registry(), rollups);
        this.alerts = new AlertEngine(new AlertRepository(database.jdbc()), new AlertRulesStore(appSettings), clock);
        this.reports = new ReportBuilder(monitor, alerts, clock);
        this.history = new HistoryBuilder(monitor, clock);
        this.reportWriter = new ReportWriter(reports, config.dataDir().resolve("reports"),
                settings.duration(SettingsCatalog.PERF_REPORT_INTERVAL, Duration.ofMinutes(1), Duration.ofDays(31)),
                settings.integer(SettingsCatalog.PERF_REPORT_KEEP, 1, 10_000), clock);
    }

    private static FeatureFlags defineFlags(FeatureFlags f) {
        f.define(FeatureFlags.RESPONSE_CACHE, "Cache serialized responses of cacheable GET routes (ETag, 304)", true);
        f.define(FeatureFlags.SESSION_CACHE, "Cache validated session tokens and API keys", true);
        f.define(FeatureFlags.DATA_CACHE, "Cache Plex and Overseerr answers", true);
        f.define(FeatureFlags.STALE_FALLBACK, "Answer with the last good upstream answer when an upstream fails",
                true);
        f.define(FeatureFlags.ROUTE_METRICS, "Time every request by route template", true);
        f.define(FeatureFlags.QUERY_METRICS, "Time every SQL statement by shape (slow-query log stays on)", true);
        return f;
    }

    /** The performance routes: /metrics, /api/v1/performance/*, feature flags, alert rules, cache flush. */
    void routes(RouteTable r, Authenticator authenticator) {
        new MetricsHttp(metrics, authenticator, settings.string(SettingsCatalog.METRICS_TOKEN),
                settings.bool(SettingsCatalog.METRICS_PUBLIC)).routes(r);
        new PerformanceHttp(monitor, history, reports, retention, clock).routes(r);
        new AlertsHttp(alerts).routes(r);
        new FeatureFlagsHttp(flags).routes(r);
        new CacheHttp(caches.registry()).routes(r);
    }

    /** Sampler, alert evaluation, rollup retention and the scheduled report. */
    void startJobs(Jobs jobs) {
        Duration sample = settings.duration(SettingsCatalog.PERF_SAMPLE_INTERVAL, Duration.ofSeconds(1),
                Duration.ofMinutes(1));
        Duration evaluate = settings.duration(SettingsCatalog.ALERTS_INTERVAL, Duration.ofSeconds(1),
                Duration.ofMinutes(5));
        jobs.every("perf-sample", sample, sample, monitor::sample);
        jobs.every("alerts", evaluate, evaluate, () -> alerts.evaluate(monitor.snapshot()));
        jobs.every("perf-retention", Duration.ofMinutes(5), Duration.ofHours(1), () -> monitor.rollups().purge(retention));
        Duration report = settings.duration(SettingsCatalog.PERF_REPORT_INTERVAL, Duration.ofMinutes(1),
                Duration.ofDays(31));
        jobs.every("perf-report", report, report, reportWriter::writeScheduled);
    }

    public Metrics metrics() {
        return metrics;
    }

    public FeatureFlags flags() {
        return flags;
    }

    public CacheFactory caches() {
        return caches;
    }

    public RouteMetrics routeTimers() {
        return routes;
    }

    public QueryMetrics queries() {
        return queries;
    }

    public PerformanceMonitor monitor() {
        return monitor;
    }

    public AlertEngine alerts() {
        return alerts;
    }

    public ReportBuilder reports() {
        return reports;
    }

    public ReportWriter reportWriter() {
        return reportWriter;
    }

    /** Stores the minute in progress (so a restart loses no history), then closes the registry. */
    @Override
    public void close() {
        try {
            MinuteRollup last = monitor.currentMinute();
            if (last.requests() > 0) {
                monitor.rollups().add(last);
            }
        } catch (RuntimeException e) {
            System.getLogger(PerformanceLayer.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not store the last minute of performance history: {0}", e.getMessage());
        }
        metrics.close();
    }
}
