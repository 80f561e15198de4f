package app.medianest.server;

import app.medianest.server.auth.AccountService;
import app.medianest.server.auth.ApiKeyRepository;
import app.medianest.server.auth.AuthHttp;
import app.medianest.server.auth.LoginRateLimiter;
import app.medianest.server.auth.PasswordHasher;
import app.medianest.server.auth.SecretBox;
import app.medianest.server.auth.SessionRepository;
import app.medianest.server.auth.SessionService;
import app.medianest.server.cache.CacheClass;
import app.medianest.server.cache.ResponseCache;
import app.medianest.server.config.ServerConfig;
import app.medianest.server.config.Settings;
import app.medianest.server.config.SettingsCatalog;
import app.medianest.server.dashboard.DashboardHttp;
import app.medianest.server.db.Jdbc;
import app.medianest.server.events.EventBus;
import app.medianest.server.events.EventsHttp;
import app.medianest.server.notifications.NotificationRepository;
import app.medianest.server.notifications.NotificationService;
import app.medianest.server.notifications.NotificationsHttp;
import app.medianest.server.requests.AdminRequestsHttp;
import app.medianest.server.requests.OverseerrWebhookHttp;
import app.medianest.server.requests.RequestForwarder;
import app.medianest.server.requests.RequestService;
import app.medianest.server.requests.RequestsHttp;
import app.medianest.server.requests.UpstreamStatusService;
import app.medianest.server.flags.FeatureFlags;
import app.medianest.server.settings.AppSettings;
import app.medianest.server.auth.PlexTvClient;
import app.medianest.server.upstream.ServiceEvents;
import app.medianest.server.youtube.DownloadEvents;
import app.medianest.server.auth.AdminUsersHttp;
import app.medianest.server.db.Database;
import app.medianest.server.health.HealthService;
import app.medianest.server.http.Authenticator;
import app.medianest.server.launch.IdleHeap;
import app.medianest.server.requests.MediaRequestRepository;
import app.medianest.server.status.ServiceStatusRepository;
import app.medianest.server.users.UserRepository;

import com.github.benmanes.caffeine.cache.Ticker;

import app.medianest.server.alerts.AlertEvents;
import app.medianest.server.dashboard.DashboardCaches;
import app.medianest.server.requests.OverseerrRequestForwarder;

import java.time.Clock;
import java.util.List;
import java.time.Duration;
import java.util.UUID;

/**
 * The composition root: builds the non-HTTP object graph once, from configuration, with constructor
 * injection only. The headless main, the console and the tests all build the server through this.
 */
public final class Components implements AutoCloseable {
    private final ServerConfig config;
    private final Clock clock;
    private final Database database;
    private final UserRepository users;
    private final MediaRequestRepository requests;
    private final ServiceStatusRepository serviceStatus;
    private final HealthService health;
    private final AppSettings appSettings;
    private final SecretBox secretBox;
    private final SessionService sessions;
    private final AccountService accounts;
    private final AuthHttp authHttp;
    private final AdminUsersHttp adminUsersHttp;
    private final EventBus events;
    private final NotificationRepository notifications;
    private final RequestService requestService;
    private final app.medianest.server.requests.RequestRulesStore requestRules;
    private final app.medianest.server.requests.RequestRulesHttp requestRulesHttp;
    private final RequestsHttp requestsHttp;
    private final AdminRequestsHttp adminRequestsHttp;
    private final OverseerrWebhookHttp overseerrWebhookHttp;
    private final NotificationsHttp notificationsHttp;
    private final DashboardHttp dashboardHttp;
    private final EventsHttp eventsHttp;
    private final PerformanceLayer perf;
    /** Publish through this (not the bus directly): it keeps the response caches true before events go out. */
    private final DashboardCaches publisher;
    private final app.medianest.server.cache.DataCache<app.medianest.server.portal.RowsPage>
            portalApprovals;
    private final app.medianest.server.cache.DataCache<app.medianest.server.portal.RowsPage>
            portalMyRequests;
    private final app.medianest.server.cache.DataCache<app.medianest.server.portal.RowsPage>
            portalUsers;
    private final Integrations integrations;
    private final PlexTvClient plexTv;
    private final Jobs jobs = new Jobs();
    private final app.medianest.server.backup.Backups backups;
    private final CredentialWatch credentialWatch;
    /** Notification delivery on its own thread: a slow mail server never delays the other jobs. */
    private final Jobs deliveryJobs = new Jobs();
    private final app.medianest.server.notifications.channels.Notifications outbound;
    /** Nudges of the Overseerr outbox after a committed change: one at a time, off the request thread. */
    private final java.util.concurrent.ExecutorService forwardNudges = java.util.concurrent.Executors
            .newSingleThreadExecutor(Thread.ofPlatform().name("medianest-outbox-nudge").daemon().factory());

    private Components(ServerConfig config, Clock clock, Ticker ticker, Database database) {
        Settings s = config.settings();
        Jdbc jdbc = database.jdbc();
        this.config = config;
        this.clock = clock;
        this.database = database;
        this.users = new UserRepository(jdbc);
        this.requests = new MediaRequestRepository(jdbc);
        this.serviceStatus = new ServiceStatusRepository(jdbc);
        this.health = new HealthService(database);
        this.appSettings = new AppSettings(jdbc, clock);
        this.perf = new PerformanceLayer(config, clock, ticker, database, appSettings);
        this.secretBox = s.string(SettingsCatalog.ENCRYPTION_KEY).map(SecretBox::ofBase64)
                .orElseGet(() -> SecretBox.fromDataDir(config.dataDir()));
        ApiKeyRepository apiKeys = new ApiKeyRepository(jdbc);
        this.sessions = new SessionService(new SessionRepository(jdbc), apiKeys, clock, perf.caches(),
                s.duration(SettingsCatalog.SESSION_CACHE_TTL, Duration.ZERO, Duration.ofHours(1)));
        FeatureFlags.Flag sessionCache = perf.flags().flag(FeatureFlags.SESSION_CACHE).onChange(sessions::cacheEnabled);
        perf.caches().registry().switchedBy(SessionService.CACHE_NAME, sessionCache::on);
        ResponseCache sessionResponses = perf.caches().responseCache("http.auth-session", CacheClass.USER_DATA,
                perf.flags().flag(FeatureFlags.RESPONSE_CACHE));
        sessions.onUserChanged(sessionResponses::invalidateUser);
        LoginRateLimiter limiter = new LoginRateLimiter(s.integer(SettingsCatalog.LOGIN_MAX_FAILURES, 1, 1000),
                s.integer(SettingsCatalog.LOGIN_MAX_FAILURES_PER_ADDRESS, 1, 100_000),
                s.duration(SettingsCatalog.LOGIN_WINDOW, Duration.ofSeconds(1), Duration.ofDays(1)),
                s.duration(SettingsCatalog.LOGIN_BASE_DELAY, Duration.ofSeconds(1), Duration.ofDays(1)), clock);
        this.accounts = new AccountService(jdbc, users, sessions, new PasswordHasher(), limiter, secretBox,
                appSettings, clock);
        String plexClientId = appSettings.getOrCreate(AppSettings.PLEX_CLIENT_ID, () -> UUID.randomUUID().toString());
        // Events and notifications are connected below (IntegrationEvents), once the event bus exists.
        this.integrations = new Integrations(config, clock, jdbc, secretBox, users, serviceStatus, plexClientId,
                ServiceEvents.NONE, DownloadEvents.NONE, perf.caches(), perf.flags());
        this.plexTv = new PlexTvClient(s.required(SettingsCatalog.PLEXTV_URL), plexClientId, version(),
                Duration.ofSeconds(5), integrations.resilience().guard("plex-tv"));
        app.medianest.server.auth.PlexAccess plexAccess = s.bool(SettingsCatalog.PLEX_ALLOW_ANY_ACCOUNT)
                ? app.medianest.server.auth.PlexAccess.ANYONE
                : app.medianest.server.auth.PlexAccess.sharedWithServer(plexTv, () -> {
                    var plex = integrations.serviceConfigs().get(app.medianest.server.services.ServiceName.PLEX);
                    if (!plex.usable() || plex.apiKey() == null) {
                        return null;
                    }
                    return new app.medianest.server.auth.PlexAccess.Server(plex.apiKey(),
                            integrations.plex().machineIdentifier());
                });
        this.authHttp = new AuthHttp(accounts, sessions, plexTv, sessionResponses, plexAccess,
                new app.medianest.server.auth.AddressRateLimiter(s.integer(SettingsCatalog.PLEX_PIN_CREATE_LIMIT, 1,
                        100_000), Duration.ofMinutes(1), clock),
                new app.medianest.server.auth.AddressRateLimiter(s.integer(SettingsCatalog.PLEX_PIN_POLL_LIMIT, 1,
                        100_000), Duration.ofMinutes(1), clock));
        this.adminUsersHttp = new AdminUsersHttp(accounts, users, sessions, apiKeys, appSettings, clock);

        this.events = new EventBus(s.integer(SettingsCatalog.EVENTS_REPLAY_SIZE, 0, 100_000),
                s.integer(SettingsCatalog.EVENTS_CLIENT_BUFFER, 1, 100_000),
                s.integer(SettingsCatalog.EVENTS_MAX_CLIENTS, 1, 100_000),
                s.integer(SettingsCatalog.EVENTS_MAX_PER_USER, 1, 100_000), clock);
        this.notifications = new NotificationRepository(jdbc);
        NotificationService notifier = new NotificationService(notifications, users);
        this.outbound = new app.medianest.server.notifications.channels.Notifications(s, jdbc, secretBox, clock,
                sessions::userChanged);
        notifier.outbound(outbound.dispatcher());
        FeatureFlags.Flag responseCache = perf.flags().flag(FeatureFlags.RESPONSE_CACHE);
        ResponseCache dashboardResponses = perf.caches().responseCache("http.dashboard-stats",
                CacheClass.SERVICE_DATA, responseCache);
        ResponseCache myRequestResponses = perf.caches().largeResponseCache("http.my-requests", CacheClass.USER_DATA,
                responseCache, 34 * 1024);
        ResponseCache adminRequestPages = perf.caches().largeResponseCache("http.admin-requests",
                CacheClass.USER_DATA, responseCache, 34 * 1024);
        this.portalApprovals = perf.caches().dataCache("portal.approvals", CacheClass.USER_DATA, responseCache,
                perf.caches().largeEntries(78 * 1024));   // rows of up to about 70 KB, compressed in about 7 KB
        // Rendered rows are read for one minute at most (their key holds the minute): 256 lists of 20 requests
        // (up to about 16 KB each, with their compressed form) and 64 of 50 users (about 48 KB) are 4 and 3 MB.
        this.portalMyRequests = perf.caches().dataCache("portal.my-requests", CacheClass.USER_DATA, responseCache,
                perf.caches().atMost(256));
        this.portalUsers = perf.caches().dataCache("portal.users", CacheClass.USER_DATA, responseCache,
                perf.caches().atMost(64));
        accounts.onUsersChanged(portalUsers::invalidateAll);
        this.publisher = new DashboardCaches(events, dashboardResponses,
                List.of(dashboardResponses, myRequestResponses),
                List.of(adminRequestPages.entries(), portalApprovals, portalMyRequests, portalUsers));
        sessions.onUserChanged(publisher::invalidate);
        perf.alerts().addListener(new AlertEvents(events));
        IntegrationEvents integrationEvents = new IntegrationEvents(publisher, notifier, jdbc, clock);
        integrations.addServiceListener(integrationEvents);
        integrations.addDownloadListener(integrationEvents);
        perf.alerts().addListener(integrationEvents.alertNotifications());
        this.credentialWatch = new CredentialWatch(perf.alerts());
        integrations.http().onAnswer(credentialWatch);
        perf.monitor().breakers(() -> integrations.breakers().breakers().stream()
                .map(b -> new app.medianest.model.perf.BreakerStats(b.name(), b.state(),
                        b.failureRate() == null ? -1 : b.failureRate(), b.failureRate() == null ? -1 : 0,
                        b.bufferedCalls(), b.notPermittedCalls()))
                .toList());
        io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(
                integrations.resilience().circuitBreakerRegistry()).bindTo(perf.metrics().registry());
        io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics.ofBulkheadRegistry(
                integrations.resilience().bulkheadRegistry()).bindTo(perf.metrics().registry());
        RequestForwarder forwarder = new OverseerrRequestForwarder(integrations.forwarder(),
                integrations.outboxWorker(), forwardNudges);
        this.requestRules = new app.medianest.server.requests.RequestRulesStore(appSettings, jdbc, clock);
        this.requestService = new RequestService(jdbc, requests, notifier, publisher, forwarder, clock,
                requestRules);
        this.requestRulesHttp = new app.medianest.server.requests.RequestRulesHttp(requestService, requestRules,
                users);
        this.requestsHttp = new RequestsHttp(requestService, myRequestResponses);
        this.adminRequestsHttp = new AdminRequestsHttp(requestService, adminRequestPages);
        this.overseerrWebhookHttp = new OverseerrWebhookHttp(new UpstreamStatusService(jdbc, requests, notifier,
                publisher, clock), s.string(SettingsCatalog.OVERSEERR_WEBHOOK_SECRET).orElse(null));
        this.notificationsHttp = new NotificationsHttp(notifications, clock);
        this.dashboardHttp = new DashboardHttp(requestService, serviceStatus,
                limit -> integrations.plex().recentlyAdded(limit),
                dashboardResponses);
        this.backups = new app.medianest.server.backup.Backups(database,
                app.medianest.server.backup.Backups.dir(config), app.medianest.server.backup.Backups.keep(config), clock);
        this.eventsHttp = new EventsHttp(events, sessions, s.duration(SettingsCatalog.EVENTS_HEARTBEAT,
                Duration.ofMillis(10), Duration.ofMinutes(5)), s.duration(SettingsCatalog.EVENTS_LIVENESS_PROBE,
                Duration.ofMillis(10), Duration.ofMinutes(5)));
    }

    /** Work that needs the whole graph: first-run admin, scheduled jobs. */
    private void startJobs() {
        Settings s = config.settings();
        accounts.firstRun(s.string(SettingsCatalog.ADMIN_USERNAME).orElse(null),
                s.string(SettingsCatalog.ADMIN_PASSWORD).orElse(null));
        jobs.every("session-last-used", Duration.ofSeconds(60), Duration.ofSeconds(60), sessions::flushLastUsed);
        jobs.every("expired-sessions", Duration.ofMinutes(1), Duration.ofHours(1), sessions::deleteExpired);
        Duration backupEvery = app.medianest.server.backup.Backups.interval(config);
        if (!backupEvery.isZero() && backups.supported()) {
            jobs.every("backup", backups.firstDelay(backupEvery), backupEvery, () -> backups.backupNow("scheduled"));
        }
        Duration compactEvery = s.duration(SettingsCatalog.DB_COMPACT_INTERVAL, Duration.ZERO, Duration.ofDays(30));
        if (!compactEvery.isZero() && database.h2File().isPresent()) {
            jobs.every("h2-compact", compactEvery, compactEvery, () -> database.compact(Duration.ofSeconds(2)));
        }
        perf.startJobs(jobs);
        integrations.startJobs(jobs);
        IdleHeap idleHeap = IdleHeap.forThisJvm();
        jobs.every("idle-heap", Duration.ofSeconds(30), Duration.ofSeconds(30), idleHeap::check);
        jobs.every("data-dir-permissions", Duration.ofHours(1), Duration.ofHours(1),
                () -> app.medianest.server.config.DataDirPermissions.secure(config.dataDir()));
        outbound.startJobs(deliveryJobs);
        Duration credentialEvery = s.duration(SettingsCatalog.CREDENTIAL_CHECK, Duration.ofMillis(100),
                Duration.ofDays(1));
        jobs.every("credential-check", credentialEvery, credentialEvery,
                () -> credentialWatch.check(integrations::credentialAccepted));
    }

    static String version() {
        String v = Components.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Opens the database (migrating it) and wires everything. */
    public static Components create(ServerConfig config, Clock clock) {
        return create(config, clock, Ticker.systemTicker());
    }

    /** As {@link #create(ServerConfig, Clock)}, with the caches' {@link Ticker} (tests pass a fake one). */
    public static Components create(ServerConfig config, Clock clock, Ticker ticker) {
        Database db = Database.open(config.db(), app.medianest.server.backup.Backups.dir(config));
        app.medianest.server.config.DataDirPermissions.secure(config.dataDir());
        try {
            db.claimForServer();
            Components c = new Components(config, clock, ticker, db);
            c.startJobs();
            return c;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public ServerConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public UserRepository users() {
        return users;
    }

    public MediaRequestRepository requests() {
        return requests;
    }

    public ServiceStatusRepository serviceStatus() {
        return serviceStatus;
    }

    public HealthService health() {
        return health;
    }

    public Authenticator authenticator() {
        return sessions;
    }

    public SessionService sessions() {
        return sessions;
    }

    public AccountService accounts() {
        return accounts;
    }

    public AppSettings appSettings() {
        return appSettings;
    }

    public SecretBox secretBox() {
        return secretBox;
    }

    /** The live-event bus: publish {@link app.medianest.model.events.ServerEvent}s here (it is an EventPublisher). */
    public EventBus events() {
        return events;
    }

    /**
     * The portal's approval queue pages as rendered (by cursor, session and minute): switched by the
     * {@code response-cache} flag and emptied by every request and user change, like the API's admin pages.
     */
    public app.medianest.server.cache.DataCache<app.medianest.server.portal.RowsPage>
            portalApprovals() {
        return portalApprovals;
    }

    /**
     * The rows of the portal's "my requests" pages, rendered once per person, status filter, cursor, session and
     * minute; emptied by every request change, like {@link #portalApprovals()}.
     *
     * @return the cache
     */
    public app.medianest.server.cache.DataCache<app.medianest.server.portal.RowsPage> portalMyRequests() {
        return portalMyRequests;
    }

    /**
     * The rows of the portal's user list, rendered once per search, cursor, session and minute; emptied by every
     * account change ({@link AccountService#onUsersChanged}) and every request change (the rows count requests).
     *
     * @return the cache
     */
    public app.medianest.server.cache.DataCache<app.medianest.server.portal.RowsPage> portalUsers() {
        return portalUsers;
    }

    public RequestService requestService() {
        return requestService;
    }

    public NotificationRepository notifications() {
        return notifications;
    }

    /** Metrics registry, feature flags, caches, performance monitor, alerts and reports. */
    public PerformanceLayer perf() {
        return perf;
    }

    /** Plex, Overseerr (forwarder), Uptime Kuma, YouTube, breakers and service configuration. */
    public Integrations integrations() {
        return integrations;
    }

    /** plex.tv (PIN sign-in), shared by the API and the portal. */
    public PlexTvClient plexTv() {
        return plexTv;
    }

    /** Notification channels, preferences and the delivery outbox. */
    public app.medianest.server.notifications.channels.Notifications outbound() {
        return outbound;
    }

    /** Registers the HTTP services' routes. */
    void routes(app.medianest.server.http.RouteTable routes) {
        health.routes(routes);
        authHttp.routes(routes);
        adminUsersHttp.routes(routes);
        new app.medianest.server.users.AdminStatsHttp(database.jdbc(), clock).routes(routes);
        // Before any /api/v1/media/{type}/{tmdbId} route, which would otherwise take /media/requests/{id}.
        requestsHttp.routes(routes);
        adminRequestsHttp.routes(routes);
        requestRulesHttp.routes(routes);
        outbound.routes(routes);
        overseerrWebhookHttp.routes(routes);
        dashboardHttp.routes(routes);
        notificationsHttp.routes(routes);
        eventsHttp.routes(routes);
        perf.routes(routes, sessions);
        integrations.routes(routes);
        new app.medianest.server.backup.BackupsHttp(backups, app.medianest.server.backup.Backups.interval(config))
                .routes(routes);
        new app.medianest.server.openapi.OpenApiHttp(routes, version()).routes(routes);
    }

    /** Online backups of the embedded database (scheduled, and on demand from the admin API). */
    public app.medianest.server.backup.Backups backups() {
        return backups;
    }

    /**
     * Stops in a fixed order that never interrupts a thread that may be inside the database: delivery and jobs
     * are told to stop and waited for (bounded), then the last writes are flushed, then the pool and the
     * database are closed. Call after the listener stopped accepting and finished its requests.
     */
    @Override
    public void close() {
        events.close();
        integrations.stopDelivery();
        jobs.close(Duration.ofSeconds(2));
        deliveryJobs.close(Duration.ofSeconds(2));
        forwardNudges.shutdown();
        try {
            forwardNudges.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        integrations.close();
        try {
            sessions.flushLastUsed();
        } catch (RuntimeException e) {
            System.getLogger(Components.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not save last-used times on shutdown: {0}", e.getMessage());
        }
        perf.close();
        database.close();
    }
}
