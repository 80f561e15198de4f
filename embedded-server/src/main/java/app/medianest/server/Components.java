package app.medianest.server;

import app.medianest.server.auth.AccountService;
import app.medianest.server.auth.ApiKeyRepository;
import app.medianest.server.auth.AuthHttp;
import app.medianest.server.auth.LoginRateLimiter;
import app.medianest.server.auth.PasswordHasher;
import app.medianest.server.auth.SecretBox;
import app.medianest.server.auth.SessionRepository;
import app.medianest.server.auth.SessionService;
import app.medianest.server.config.ServerConfig;
import app.medianest.server.config.Settings;
import app.medianest.server.config.SettingsCatalog;
import app.medianest.server.db.Jdbc;
import app.medianest.server.settings.AppSettings;
import app.medianest.server.upstream.PlexTvClient;
import app.medianest.server.upstream.ServiceEvents;
import app.medianest.server.youtube.DownloadEvents;
import app.medianest.server.users.AdminUsersHttp;
import app.medianest.server.db.Database;
import app.medianest.server.health.HealthService;
import app.medianest.server.http.Authenticator;
import app.medianest.server.requests.MediaRequestRepository;
import app.medianest.server.status.ServiceStatusRepository;
import app.medianest.server.users.UserRepository;

import java.time.Clock;
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
    private final Integrations integrations;
    private final Jobs jobs = new Jobs();

    private Components(ServerConfig config, Clock clock, Database database) {
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
        this.secretBox = s.string(SettingsCatalog.ENCRYPTION_KEY).map(SecretBox::ofBase64)
                .orElseGet(() -> SecretBox.fromDataDir(config.dataDir()));
        ApiKeyRepository apiKeys = new ApiKeyRepository(jdbc);
        this.sessions = new SessionService(new SessionRepository(jdbc), apiKeys, clock,
                s.duration(SettingsCatalog.SESSION_CACHE_TTL, Duration.ZERO, Duration.ofHours(1)));
        LoginRateLimiter limiter = new LoginRateLimiter(s.integer(SettingsCatalog.LOGIN_MAX_FAILURES, 1, 1000),
                s.duration(SettingsCatalog.LOGIN_WINDOW, Duration.ofSeconds(1), Duration.ofDays(1)), clock);
        this.accounts = new AccountService(jdbc, users, sessions, new PasswordHasher(), limiter, secretBox,
                appSettings, clock);
        String plexClientId = appSettings.getOrCreate(AppSettings.PLEX_CLIENT_ID, () -> UUID.randomUUID().toString());
        // ServiceEvents / DownloadEvents: the event bus and notifications connect here (no-op until then).
        this.integrations = new Integrations(config, clock, jdbc, secretBox, users, serviceStatus, plexClientId,
                ServiceEvents.NONE, DownloadEvents.NONE);
        PlexTvClient plexTv = new PlexTvClient(s.required(SettingsCatalog.PLEXTV_URL), plexClientId, version(),
                Duration.ofSeconds(5), integrations.resilience().guard("plex-tv"));
        this.authHttp = new AuthHttp(accounts, sessions, plexTv);
        this.adminUsersHttp = new AdminUsersHttp(accounts, users, sessions, apiKeys, appSettings, clock);
    }

    /** Work that needs the whole graph: first-run admin, scheduled jobs. */
    private void startJobs() {
        Settings s = config.settings();
        accounts.firstRun(s.string(SettingsCatalog.ADMIN_USERNAME).orElse(null),
                s.string(SettingsCatalog.ADMIN_PASSWORD).orElse(null));
        jobs.every("session-last-used", Duration.ofSeconds(60), Duration.ofSeconds(60), sessions::flushLastUsed);
        jobs.every("expired-sessions", Duration.ofMinutes(1), Duration.ofHours(1), sessions::deleteExpired);
        integrations.startJobs(jobs);
    }

    static String version() {
        String v = Components.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Opens the database (migrating it) and wires everything. */
    public static Components create(ServerConfig config, Clock clock) {
        Database db = Database.open(config.db(), config.dataDir());
        try {
            Components c = new Components(config, clock, db);
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

    /** Plex, Overseerr (forwarder), Uptime Kuma, YouTube, breakers and service configuration. */
    public Integrations integrations() {
        return integrations;
    }

    /** Registers the HTTP services' routes. */
    void routes(app.medianest.server.http.RouteTable routes) {
        health.routes(routes);
        authHttp.routes(routes);
        adminUsersHttp.routes(routes);
        integrations.routes(routes);
    }

    @Override
    public void close() {
        jobs.close();
        integrations.close();
        try {
            sessions.flushLastUsed();
        } catch (RuntimeException e) {
            System.getLogger(Components.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not save last-used times on shutdown: {0}", e.getMessage());
        }
        database.close();
    }
}
