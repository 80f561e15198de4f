package app.medianest.server;

import app.medianest.server.auth.SecretBox;
import app.medianest.server.config.ServerConfig;
import app.medianest.server.config.Settings;
import app.medianest.server.config.SettingsCatalog;
import app.medianest.server.db.Jdbc;
import app.medianest.server.http.RouteTable;
import app.medianest.server.overseerr.Backoff;
import app.medianest.server.overseerr.MediaHttp;
import app.medianest.server.overseerr.MediaSearchService;
import app.medianest.server.overseerr.OutboxRepository;
import app.medianest.server.overseerr.OutboxWorker;
import app.medianest.server.overseerr.OverseerrClient;
import app.medianest.server.overseerr.OverseerrForwarder;
import app.medianest.server.overseerr.OverseerrOutbox;
import app.medianest.server.plex.PlexClient;
import app.medianest.server.plex.PlexHttp;
import app.medianest.server.plex.PlexService;
import app.medianest.server.resilience.BreakerStatsSource;
import app.medianest.server.resilience.Resilience;
import app.medianest.server.resilience.ResilienceHttp;
import app.medianest.server.resilience.ResilienceSettings;
import app.medianest.server.resilience.StaleCache;
import app.medianest.server.services.AdminServicesHttp;
import app.medianest.server.services.ServiceConfig;
import app.medianest.server.services.ServiceConfigRepository;
import app.medianest.server.services.ServiceConfigs;
import app.medianest.server.services.ServiceName;
import app.medianest.server.services.ServiceTester;
import app.medianest.server.status.ServiceStatusRepository;
import app.medianest.server.upstream.ServiceEvents;
import app.medianest.server.upstream.UpstreamHttp;
import app.medianest.server.uptime.StatusPoller;
import app.medianest.server.uptime.UptimeKumaClient;
import app.medianest.server.users.User;
import app.medianest.server.users.UserRepository;
import app.medianest.server.youtube.DownloadEvents;
import app.medianest.server.youtube.DownloadQueue;
import app.medianest.server.youtube.DownloadRepository;
import app.medianest.server.youtube.YoutubeHttp;
import app.medianest.server.youtube.YoutubeService;
import app.medianest.server.youtube.YtDlp;
import com.fasterxml.jackson.databind.JsonNode;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The integrations' part of the object graph (step 4): breakers, service configuration, Plex, Overseerr with its
 * outbox, Uptime Kuma polling and YouTube downloads. Built by {@link Components}; the seams other parts connect to
 * are {@link #forwarder()}, {@link #plex()} ({@code recentlyAdded}), {@link #breakers()}, and the
 * {@link ServiceEvents} / {@link DownloadEvents} passed in.
 */
public final class Integrations implements AutoCloseable {
    private final Settings settings;
    private final Resilience resilience;
    private final ServiceConfigs serviceConfigs;
    private final PlexService plex;
    private final MediaSearchService media;
    private final OutboxRepository outbox;
    private final OverseerrForwarder forwarder;
    private final OutboxWorker outboxWorker;
    private final StatusPoller statusPoller;
    private final DownloadQueue downloads;
    private final YoutubeService youtube;
    private final ServiceTester tester;
    private final List<ServiceEvents> serviceListeners = new CopyOnWriteArrayList<>();
    private final List<DownloadEvents> downloadListeners = new CopyOnWriteArrayList<>();

    Integrations(ServerConfig config, Clock clock, Jdbc jdbc, SecretBox secretBox, UserRepository users,
                 ServiceStatusRepository statuses, String plexClientId, ServiceEvents serviceEvents,
                 DownloadEvents downloadEvents) {
        this.settings = config.settings();
        serviceListeners.add(serviceEvents);
        downloadListeners.add(downloadEvents);
        ServiceEvents events = ServiceEvents.broadcast(serviceListeners);
        ResilienceSettings rs = ResilienceSettings.from(settings);
        Duration cacheTtl = settings.duration(SettingsCatalog.PLEX_CACHE_TTL, Duration.ZERO, Duration.ofDays(1));
        this.resilience = new Resilience(rs, clock, events);
        UpstreamHttp http = new UpstreamHttp(rs.connectTimeout(), rs.callTimeout());
        this.serviceConfigs = new ServiceConfigs(new ServiceConfigRepository(jdbc), secretBox, settings, clock);

        PlexClient plexClient = new PlexClient(serviceConfigs, resilience.guard("plex"), http, plexClientId);
        this.plex = new PlexService(plexClient, new StaleCache(cacheTtl, 1_000, clock));

        OverseerrClient overseerr = new OverseerrClient(serviceConfigs, resilience.guard("overseerr"), http);
        this.media = new MediaSearchService(overseerr, new StaleCache(cacheTtl, 1_000, clock), jdbc);
        this.outbox = new OutboxRepository(jdbc);
        this.forwarder = new OverseerrOutbox(outbox, overseerr::configured, clock);
        this.outboxWorker = new OutboxWorker(outbox, overseerr, new Backoff(Duration.ofSeconds(10),
                settings.duration(SettingsCatalog.OUTBOX_MAX_BACKOFF, Duration.ofSeconds(10), Duration.ofDays(1)),
                0.2, new SecureRandom()), clock);

        UptimeKumaClient kuma = new UptimeKumaClient(serviceConfigs, resilience.guard("uptime-kuma"), http);
        this.statusPoller = new StatusPoller(kuma, statuses, events, clock);

        YtDlp ytDlp = new YtDlp(serviceConfigs, config.dataDir().resolve("downloads"), Duration.ofSeconds(60));
        DownloadRepository downloadRepo = new DownloadRepository(jdbc);
        this.downloads = new DownloadQueue(downloadRepo, ytDlp, DownloadEvents.broadcast(downloadListeners),
                plex::refreshFor,
                userId -> folderOf(users, userId), clock,
                settings.integer(SettingsCatalog.YOUTUBE_CONCURRENCY, 1, 16));
        this.youtube = new YoutubeService(jdbc, downloadRepo, downloads, ytDlp, resilience.guard("youtube"), clock,
                settings.integer(SettingsCatalog.YOUTUBE_HOURLY_LIMIT, 1, 1_000));

        this.tester = new ServiceTester(serviceConfigs, Map.of(
                ServiceName.PLEX, c -> describePlex(plexClient, c),
                ServiceName.OVERSEERR, overseerr::probe,
                ServiceName.UPTIME_KUMA, kuma::probe,
                ServiceName.YOUTUBE, c -> "yt-dlp " + ytDlp.version(c) + ", downloads go to " + ytDlp.downloadDir(c)));
        serviceConfigs.onChange(this::configurationChanged);
    }

    private static String describePlex(PlexClient client, ServiceConfig c) {
        JsonNode server = client.probe(c);
        return "Plex Media Server '" + server.path("friendlyName").asText("?") + "' version "
                + server.path("version").asText("?");
    }

    /** A user's download folder: the user name made safe for file systems, else the id. */
    private static String folderOf(UserRepository users, UUID userId) {
        String name = users.findById(userId).map(User::username).orElse("");
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "");
        return safe.isEmpty() ? userId.toString() : safe;
    }

    /** A new address or key: forget cached answers and give the breaker a fresh start. */
    private void configurationChanged(ServiceName name) {
        switch (name) {
            case PLEX -> plex.clearCache();
            case OVERSEERR -> media.clearCache();
            default -> { }
        }
        resilience.reset(name.wire());
    }

    /** Schedules polling, outbox delivery and the download workers; re-queues downloads a restart interrupted. */
    void startJobs(Jobs jobs) {
        Duration kumaEvery = settings.duration(SettingsCatalog.UPTIME_KUMA_POLL, Duration.ofSeconds(1),
                Duration.ofDays(1));
        Duration outboxEvery = settings.duration(SettingsCatalog.OUTBOX_POLL, Duration.ofMillis(100),
                Duration.ofHours(1));
        jobs.every("uptime-kuma-poll", Duration.ofSeconds(1), kumaEvery, statusPoller::pollOnce);
        jobs.every("overseerr-outbox", outboxEvery, outboxEvery, outboxWorker::runOnce);
        jobs.every("download-dispatch", Duration.ofSeconds(5), Duration.ofSeconds(5), downloads::dispatch);
        downloads.start();
    }

    void routes(RouteTable routes) {
        new ResilienceHttp(resilience).routes(routes);
        new AdminServicesHttp(serviceConfigs, tester).routes(routes);
        new PlexHttp(plex).routes(routes);
        new YoutubeHttp(youtube).routes(routes);
        // Last: its /api/v1/media/{type}/{tmdbId} route must not shadow /api/v1/media/requests/{id}.
        new MediaHttp(media).routes(routes);
    }

    /** Adds a listener for breaker transitions and service status changes (besides the one given at start). */
    public void addServiceListener(ServiceEvents listener) {
        serviceListeners.add(listener);
    }

    /** Adds a listener for download progress and status changes (besides the one given at start). */
    public void addDownloadListener(DownloadEvents listener) {
        downloadListeners.add(listener);
    }

    /** The Plex library; {@code plex().recentlyAdded(10)} feeds the dashboard (never throws). */
    public PlexService plex() {
        return plex;
    }

    /** Search and details through Overseerr (the portal's search and title pages). */
    public MediaSearchService media() {
        return media;
    }

    /** YouTube downloads: submit, list, cancel (the portal's downloads page). */
    public YoutubeService youtube() {
        return youtube;
    }

    /** Enqueue request changes for Overseerr inside the request's transaction. */
    public OverseerrForwarder forwarder() {
        return forwarder;
    }

    /** Every upstream breaker's state and failure rate. */
    public BreakerStatsSource breakers() {
        return resilience;
    }

    public Resilience resilience() {
        return resilience;
    }

    public ServiceConfigs serviceConfigs() {
        return serviceConfigs;
    }

    public OutboxWorker outboxWorker() {
        return outboxWorker;
    }

    public OutboxRepository outbox() {
        return outbox;
    }

    public StatusPoller statusPoller() {
        return statusPoller;
    }

    public DownloadQueue downloads() {
        return downloads;
    }

    @Override
    public void close() {
        downloads.close();
    }
}
