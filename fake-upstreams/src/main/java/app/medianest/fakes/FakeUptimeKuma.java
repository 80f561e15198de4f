package app.medianest.fakes;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fake Uptime Kuma: one public status page ({@value #SLUG}) listing every monitor, its heartbeats and the
 * Prometheus {@code /metrics} endpoint (2.1+ shape, with {@code monitor_id} and {@code monitor_uptime_ratio}).
 *
 * <p>Routes: {@code GET /api/status-page/{slug}}, {@code GET /api/status-page/heartbeat/{slug}} (unknown slugs:
 * 404 {@code {"status":"fail","msg":"Status Page Not Found"}}), {@code GET /metrics} (HTTP Basic, the password
 * must be the API key; 401 with {@code WWW-Authenticate: Basic} otherwise), {@code GET /} (HTML).
 * Each monitor starts with 24 UP beats a minute apart; {@link #setStatus(String, MonitorStatus)} appends a beat.
 */
public final class FakeUptimeKuma extends FakeServer {

    /** The status page slug. */
    public static final String SLUG = "default";
    /** The metrics API key {@link #start()} requires. */
    public static final String DEFAULT_API_KEY = "uk1_fakeMetricsKey";

    private static final int MAX_BEATS = 100;
    private final Map<KumaMonitor, List<KumaBeat>> beats = new LinkedHashMap<>();
    private volatile String metricsApiKey;

    private FakeUptimeKuma(int port, Clock clock, Map<String, String> monitors, String metricsApiKey) {
        super("uptime-kuma", clock);
        this.metricsApiKey = metricsApiKey;
        monitors.forEach((name, url) -> addMonitor(name, "http", url));
        Router router = new Router(request -> Reply.json(404, KumaJson.fail("Not Found")))
                .get("/", call -> Reply.html(200, "Uptime Kuma"))
                .get("/api/status-page/{slug}", this::statusPage)
                .get("/api/status-page/heartbeat/{slug}", this::heartbeats)
                .get("/metrics", this::metrics);
        start(port, router);
    }

    /** Starts on a free port with monitors plex, overseerr, uptime-kuma, plex-tv and youtube, all UP. */
    public static FakeUptimeKuma start() {
        Map<String, String> monitors = new LinkedHashMap<>();
        monitors.put("plex", "http://plex:32400/identity");
        monitors.put("overseerr", "http://overseerr:5055/api/v1/status");
        monitors.put("uptime-kuma", "http://uptime-kuma:3001");
        monitors.put("plex-tv", "https://plex.tv/api/v2/ping");
        monitors.put("youtube", "https://www.youtube.com");
        return start(0, Clock.systemUTC(), monitors, DEFAULT_API_KEY);
    }

    /**
     * Starts with the given http monitors (name to URL, in order), all UP.
     *
     * @param metricsApiKey the key {@code /metrics} requires, or {@code null} for open metrics
     */
    public static FakeUptimeKuma start(int port, Clock clock, Map<String, String> monitors, String metricsApiKey) {
        return new FakeUptimeKuma(port, clock, monitors, metricsApiKey);
    }

    /** Adds a monitor with 24 UP beats of history. */
    public synchronized KumaMonitor addMonitor(String name, String type, String url) {
        KumaMonitor monitor = new KumaMonitor(beats.size() + 1, name, type, url);
        List<KumaBeat> history = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 23; i >= 0; i--) {
            history.add(new KumaBeat(MonitorStatus.UP, now.minus(Duration.ofMinutes(i)), defaultPing(monitor, i)));
        }
        beats.put(monitor, history);
        return monitor;
    }

    /** The monitors, in id order. */
    public synchronized List<KumaMonitor> monitors() {
        return List.copyOf(beats.keySet());
    }

    /** Records a new heartbeat with this status (UP beats get a plausible ping, others none). */
    public void setStatus(String monitorName, MonitorStatus status) {
        setStatus(monitorName, status, null);
    }

    /** Records a new heartbeat with this status and ping in ms ({@code null} for a default). */
    public synchronized void setStatus(String monitorName, MonitorStatus status, Integer pingMs) {
        KumaMonitor monitor = monitor(monitorName);
        Integer ping = pingMs;
        if (ping == null && status == MonitorStatus.UP) {
            ping = defaultPing(monitor, 0);
        }
        List<KumaBeat> history = beats.get(monitor);
        history.add(new KumaBeat(status, clock.instant(), ping));
        if (history.size() > MAX_BEATS) {
            history.removeFirst();
        }
    }

    /** The monitor's current (latest) status. */
    public synchronized MonitorStatus status(String monitorName) {
        return beats.get(monitor(monitorName)).getLast().status();
    }

    /** The key {@code /metrics} requires, or {@code null} when open. */
    public String metricsApiKey() {
        return metricsApiKey;
    }

    /** Changes the metrics key; {@code null} disables metrics auth. */
    public void metricsApiKey(String key) {
        metricsApiKey = key;
    }

    @Override
    Reply failureReply(int status) {
        return Reply.json(status, KumaJson.fail(status == 503 ? "SQLITE_BUSY: database is locked" : "Fake failure"));
    }

    private KumaMonitor monitor(String name) {
        return beats.keySet().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no monitor named " + name));
    }

    private synchronized Map<KumaMonitor, List<KumaBeat>> snapshot() {
        Map<KumaMonitor, List<KumaBeat>> copy = new LinkedHashMap<>();
        beats.forEach((monitor, history) -> copy.put(monitor, List.copyOf(history)));
        return copy;
    }

    private static int defaultPing(KumaMonitor monitor, int salt) {
        return 20 + monitor.id() * 7 + salt % 5;
    }

    private Reply statusPage(Call call) {
        if (!call.path("slug").toLowerCase(Locale.ROOT).equals(SLUG)) {
            return Reply.json(404, KumaJson.fail("Status Page Not Found"));
        }
        return Reply.json(200, KumaJson.statusPage(SLUG, monitors()));
    }

    private Reply heartbeats(Call call) {
        if (!call.path("slug").toLowerCase(Locale.ROOT).equals(SLUG)) {
            return Reply.json(404, KumaJson.fail("Status Page Not Found"));
        }
        return Reply.json(200, KumaJson.heartbeats(snapshot()));
    }

    private Reply metrics(Call call) {
        String key = metricsApiKey;
        if (key != null && !basicPassword(call).filter(key::equals).isPresent()) {
            return Reply.text(401, "text/plain; charset=utf-8", "Unauthorized").withHeader("WWW-Authenticate", "Basic");
        }
        return Reply.text(200, "text/plain; version=0.0.4; charset=utf-8", KumaJson.metrics(snapshot()));
    }

    private static Optional<String> basicPassword(Call call) {
        return call.header("Authorization").filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6)).map(h -> {
            try {
                String decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? "" : decoded.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return "";
            }
        });
    }
}
