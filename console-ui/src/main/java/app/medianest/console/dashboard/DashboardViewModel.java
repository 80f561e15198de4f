package app.medianest.console.dashboard;

import app.medianest.console.api.ApiClient;
import app.medianest.console.api.ApiException;
import app.medianest.console.concurrent.Tasks;
import app.medianest.model.perf.PerfHistory;
import app.medianest.model.perf.PerfPoint;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The dashboard: one {@link DashboardTick} per {@link #poll()} (every second), applied in one pass. Live lines
 * keep 15 minutes (900 points); the 1 h / 6 h / 24 h windows show the server's rolled-up history. Holds no
 * scene-graph class.
 */
public final class DashboardViewModel {
    /** Points kept live: 15 minutes at one per second. */
    public static final int LIVE_POINTS = 900;
    private static final int RULES_EVERY = 30;
    private static final int STATUS_EVERY = 5;
    private static final int HISTORY_EVERY = 60;

    private final DashboardSource source;
    private final ApiClient api;
    private final Tasks tasks;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final ChartModel latency = chart("Latency", "ms", "p50", "p95", "p99");
    private final ChartModel routeLatency = chart("Route latency", "ms", "p50", "p95", "p99");
    private final ChartModel throughput = chart("Throughput", "req/s", "requests");
    private final ChartModel errorRate = chart("Error rate", "%", "5xx");
    private final ChartModel memory = new ChartModel("Memory", "MB", List.of("process", "heap"), 0, LIVE_POINTS);
    private final ChartModel cacheHitRate = chart("Cache hit rate", "%", "hits");
    private final ChartModel dbPool = chart("DB pool use", "%", "in use");
    private final ObservableList<String> routes = FXCollections.observableArrayList();
    private final ObservableList<String> routesView = FXCollections.unmodifiableObservableList(routes);
    private final ObjectProperty<String> selectedRoute = new SimpleObjectProperty<>();
    private final ObjectProperty<ChartWindow> window = new SimpleObjectProperty<>(ChartWindow.LIVE_15M);
    private final ObservableList<Tile> breakers = FXCollections.observableArrayList();
    private final ObservableList<Tile> breakersView = FXCollections.unmodifiableObservableList(breakers);
    private final ObservableList<Tile> upstreams = FXCollections.observableArrayList();
    private final ObservableList<Tile> upstreamsView = FXCollections.unmodifiableObservableList(upstreams);
    private final ObservableList<AlertRow> activeAlerts = FXCollections.observableArrayList();
    private final ObservableList<AlertRow> activeAlertsView = FXCollections.unmodifiableObservableList(activeAlerts);
    private final ObservableList<AlertRow> alertHistory = FXCollections.observableArrayList();
    private final ObservableList<AlertRow> alertHistoryView = FXCollections.unmodifiableObservableList(alertHistory);
    private final ReadOnlyStringWrapper uptime = new ReadOnlyStringWrapper("-");
    private final ReadOnlyStringWrapper lanUrl = new ReadOnlyStringWrapper("-");
    private java.util.function.Consumer<String> browser = url -> { };
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final Map<String, SeriesBuffer[]> routeSeries = new java.util.HashMap<>();
    private long ticks;
    private long historyTicks;

    public DashboardViewModel(DashboardSource source, ApiClient api, Tasks tasks) {
        this.source = source;
        this.api = api;
        this.tasks = tasks;
        window.addListener((o, a, w) -> {
            historyTicks = 0;
            if (w != null && !w.live()) {
                loadHistory(w);
            }
        });
        selectedRoute.addListener((o, a, r) -> fillRouteChart());
    }

    private static ChartModel chart(String title, String unit, String... lines) {
        return new ChartModel(title, unit, List.of(lines), lines.length > 1 ? 1 : 0, LIVE_POINTS);
    }

    /** Fetches one tick in the background and applies it; skipped while the previous one is still running. */
    public void poll() {
        if (!inFlight.compareAndSet(false, true)) {
            return;
        }
        boolean rules = ticks % RULES_EVERY == 0;
        boolean status = ticks % STATUS_EVERY == 0;
        tasks.run(() -> source.fetch(rules, status), t -> {
            inFlight.set(false);
            apply(t);
        }, e -> {
            inFlight.set(false);
            problem.set(e.getMessage());
        });
        ChartWindow w = window.get();
        if (w != null && !w.live() && ++historyTicks % HISTORY_EVERY == 0) {
            loadHistory(w);
        }
    }

    /** Applies one tick: every chart, tile and list, in one pass on the UI thread. */
    public void apply(DashboardTick t) {
        ticks++;
        Map<String, Double> m = t.metrics();
        if (!m.isEmpty()) {
            latency.addLive(t.at(), Arrays.asList(m.get("p50"), m.get("p95"), m.get("p99")));
            throughput.addLive(t.at(), Arrays.asList(m.get("throughput")));
            errorRate.addLive(t.at(), Arrays.asList(m.get("errorRate")));
            memory.addLive(t.at(), Arrays.asList(m.get("memory"), m.get("heap")));
            cacheHitRate.addLive(t.at(), Arrays.asList(m.get("cacheHitRate")));
            dbPool.addLive(t.at(), Arrays.asList(m.get("poolUsage")));
            addRoutes(t);
        }
        if (t.rules() != null) {
            latency.thresholds(t.rules().getOrDefault("p95_ms", Thresholds.NONE));
            routeLatency.thresholds(t.rules().getOrDefault("p95_ms", Thresholds.NONE));
            errorRate.thresholds(t.rules().getOrDefault("error_rate", Thresholds.NONE));
            memory.thresholds(t.rules().getOrDefault("memory_mb", Thresholds.NONE));
            cacheHitRate.thresholds(t.rules().getOrDefault("cache_hit_rate", Thresholds.NONE));
            dbPool.thresholds(t.rules().getOrDefault("pool_usage", Thresholds.NONE));
        }
        replaceIfChanged(breakers, t.breakers());
        if (t.upstreams() != null) {
            replaceIfChanged(upstreams, t.upstreams());
        }
        replaceIfChanged(activeAlerts, t.active());
        replaceIfChanged(alertHistory, t.history());
        uptime.set(t.uptimeSeconds() < 0 ? "-" : formatUptime(t.uptimeSeconds()));
        problem.set(t.problem());
        for (ChartModel c : charts()) {
            c.changed();
        }
    }

    private void addRoutes(DashboardTick t) {
        t.routes().forEach((route, values) -> {
            if (routeSeries.size() < 40 || routeSeries.containsKey(route)) {
                SeriesBuffer[] s = routeSeries.computeIfAbsent(route, r -> new SeriesBuffer[] {
                    new SeriesBuffer(LIVE_POINTS), new SeriesBuffer(LIVE_POINTS), new SeriesBuffer(LIVE_POINTS)});
                for (int i = 0; i < 3; i++) {
                    s[i].add(t.at(), values.get(i));
                }
            }
        });
        if (routes.size() != routeSeries.size()) {
            List<String> names = new ArrayList<>(routeSeries.keySet());
            names.sort(null);
            routes.setAll(names);
        }
        if (selectedRoute.get() == null && !t.routes().isEmpty()) {
            selectedRoute.set(t.routes().keySet().iterator().next());
        }
        String r = selectedRoute.get();
        List<Double> v = r == null ? null : t.routes().get(r);
        routeLatency.addLive(t.at(), v == null ? Arrays.asList(null, null, null) : v);
    }

    /** Copies the chosen route's 15 minutes into the route chart (when the choice changes). */
    private void fillRouteChart() {
        SeriesBuffer[] s = routeSeries.get(selectedRoute.get());
        for (int i = 0; i < 3; i++) {
            SeriesBuffer target = routeLatency.lines().get(i).live();
            target.clear();
            for (int p = 0; s != null && p < s[i].size(); p++) {
                target.add(s[i].time(p), s[i].value(p));
            }
        }
        routeLatency.changed();
    }

    private void loadHistory(ChartWindow w) {
        tasks.run(() -> api.get("/api/v1/performance/history?window=" + w.wire(), PerfHistory.class),
                this::applyHistory,
                e -> problem.set("history: " + (e instanceof ApiException a ? a.display() : e.getMessage())));
    }

    private void applyHistory(PerfHistory h) {
        List<PerfPoint> points = h.points();
        Function<PerfPoint, Long> at = p -> p.at().toEpochMilli();
        latency.history(points, at, List.of(PerfPoint::p50Ms, PerfPoint::p95Ms, PerfPoint::p99Ms));
        routeLatency.history(List.<PerfPoint>of(), at, List.of(p -> null, p -> null, p -> null));
        throughput.history(points, at, List.of(PerfPoint::throughput));
        errorRate.history(points, at, List.of(PerfPoint::errorRate));
        memory.history(points, at, List.of(PerfPoint::memoryMb, PerfPoint::heapUsedMb));
        cacheHitRate.history(points, at, List.of(PerfPoint::cacheHitRate));
        dbPool.history(points, at, List.of(PerfPoint::poolUsagePercent));
        for (ChartModel c : charts()) {
            c.changed();
        }
    }

    /** Acknowledges an active alert, then refreshes. */
    public void acknowledge(AlertRow alert) {
        tasks.run(() -> api.post("/api/v1/performance/alerts/" + alert.id() + "/ack", null),
                r -> poll(), e -> problem.set(e instanceof ApiException a ? a.display() : e.getMessage()));
    }

    /** The LAN URL (set by the shell from the server's start event). */
    public void lanUrl(String url) {
        lanUrl.set(url);
    }

    /** How the console opens a page in the desktop browser (the application's HostServices). */
    public void browser(java.util.function.Consumer<String> opener) {
        this.browser = java.util.Objects.requireNonNull(opener);
    }

    /** Opens the family URL in the desktop browser (nothing while the server has no address yet). */
    public void openFamilyUrl() {
        String url = lanUrl.get();
        if (url != null && url.startsWith("http")) {
            browser.accept(url);
        }
    }

    private static <T> void replaceIfChanged(ObservableList<T> list, List<T> items) {
        if (!list.equals(items)) {
            list.setAll(items);
        }
    }

    static String formatUptime(long s) {
        long d = s / 86_400;
        long h = s % 86_400 / 3600;
        long m = s % 3600 / 60;
        return d > 0 ? d + " d " + h + " h" : h > 0 ? h + " h " + m + " min" : m + " min " + s % 60 + " s";
    }

    public List<ChartModel> charts() {
        return List.of(latency, routeLatency, throughput, errorRate, memory, cacheHitRate, dbPool);
    }

    public ChartModel latency() {
        return latency;
    }

    public ChartModel routeLatency() {
        return routeLatency;
    }

    public ObservableList<String> routes() {
        return routesView;
    }

    public ObjectProperty<String> selectedRoute() {
        return selectedRoute;
    }

    public ObjectProperty<ChartWindow> window() {
        return window;
    }

    public ObservableList<Tile> breakers() {
        return breakersView;
    }

    public ObservableList<Tile> upstreams() {
        return upstreamsView;
    }

    public ObservableList<AlertRow> activeAlerts() {
        return activeAlertsView;
    }

    public ObservableList<AlertRow> alertHistory() {
        return alertHistoryView;
    }

    public ReadOnlyStringProperty uptime() {
        return uptime.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lanUrl() {
        return lanUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }
}
