package app.medianest.server.config;

import java.util.List;
import java.util.stream.Stream;

/** Every setting MediaNest reads, with its environment variable and default. docs/configuration.md mirrors this list (SettingsReadmeTest). */
public final class SettingsCatalog {
    public static final Setting HOST = new Setting("server.host", "MEDIANEST_HOST", "0.0.0.0",
            "Bind address of the API listener");
    public static final Setting PORT = new Setting("server.port", "MEDIANEST_PORT", "4000",
            "Port of the API listener; 0 picks a free port (logged)");
    public static final Setting SHUTDOWN_GRACE = new Setting("server.shutdown-grace", "MEDIANEST_SHUTDOWN_GRACE",
            "10s", "How long in-flight requests may take to finish on shutdown");
    public static final Setting DATA_DIR = new Setting("data.dir", "MEDIANEST_DATA_DIR", null,
            "Data directory (H2 database, keys, reports); default: the platform's per-user data directory");
    public static final Setting DB_URL = new Setting("db.url", "MEDIANEST_DB_URL", null,
            "JDBC URL (jdbc:h2:... or jdbc:postgresql://...); default: H2 file in the data directory");
    public static final Setting DB_USER = new Setting("db.user", "MEDIANEST_DB_USER", null,
            "Database user");
    public static final Setting DB_PASSWORD = new Setting("db.password", "MEDIANEST_DB_PASSWORD", null,
            "Database password");
    public static final Setting DB_POOL_MAX = new Setting("db.pool.max", "MEDIANEST_DB_POOL_MAX", "20",
            "Maximum pooled connections");
    public static final Setting DB_POOL_MIN_IDLE = new Setting("db.pool.min-idle", "MEDIANEST_DB_POOL_MIN_IDLE", "2",
            "Idle connections kept open");
    public static final Setting DB_ACQUIRE_TIMEOUT = new Setting("db.pool.acquire-timeout",
            "MEDIANEST_DB_ACQUIRE_TIMEOUT", "10s", "Longest wait for a pooled connection");
    public static final Setting DB_STATEMENT_TIMEOUT = new Setting("db.statement-timeout",
            "MEDIANEST_DB_STATEMENT_TIMEOUT", "30s", "Server-side statement timeout");
    public static final Setting DB_QUERY_TIMEOUT = new Setting("db.query-timeout", "MEDIANEST_DB_QUERY_TIMEOUT",
            "15s", "Client-side (JDBC) query timeout");
    public static final Setting LOG_LEVEL = new Setting("log.level", "MEDIANEST_LOG_LEVEL", "INFO",
            "Log level: ERROR, WARNING, INFO, DEBUG");

    public static final Setting ADMIN_USERNAME = new Setting("admin.username", "MEDIANEST_ADMIN_USERNAME", null,
            "Unattended installs: create this admin at start when there is none");
    public static final Setting ADMIN_PASSWORD = new Setting("admin.password", "MEDIANEST_ADMIN_PASSWORD", null,
            "Password of that admin (at least 10 characters)");
    public static final Setting ENCRYPTION_KEY = new Setting("security.encryption-key", "MEDIANEST_ENCRYPTION_KEY",
            null, "Base64 of 32 bytes for AES-GCM encryption of stored secrets; default: secret.key in the data dir");
    public static final Setting PLEXTV_URL = new Setting("plextv.url", "MEDIANEST_PLEXTV_URL", "https://plex.tv",
            "Base URL of plex.tv (Plex sign-in)");
    public static final Setting LOGIN_MAX_FAILURES = new Setting("auth.login.max-failures",
            "MEDIANEST_LOGIN_MAX_FAILURES", "5", "Failed sign-ins from one address for one user name before 429");
    public static final Setting LOGIN_WINDOW = new Setting("auth.login.window", "MEDIANEST_LOGIN_WINDOW", "15m",
            "Window in which failed sign-ins are counted");
    public static final Setting SESSION_CACHE_TTL = new Setting("cache.session-ttl", "MEDIANEST_SESSION_CACHE_TTL",
            "300s", "How long a validated token stays cached (revocation invalidates at once)");
    public static final Setting CACHE_TTL_SERVICE = new Setting("cache.ttl.service", "MEDIANEST_CACHE_TTL_SERVICE",
            "120s", "TTL of answers cached from Plex and Overseerr, and of the dashboard statistics (0s: none)");
    public static final Setting CACHE_TTL_USER = new Setting("cache.ttl.user", "MEDIANEST_CACHE_TTL_USER", "300s",
            "TTL of per-user cached data and responses (dashboard stats)");
    public static final Setting CACHE_MAX_ENTRIES = new Setting("cache.max-entries", "MEDIANEST_CACHE_MAX_ENTRIES",
            "10000", "Size bound of each cache (entries)");
    public static final Setting CACHE_STALE_TTL = new Setting("cache.stale-ttl", "MEDIANEST_CACHE_STALE_TTL", "24h",
            "How long the last good answer of an upstream is kept for fallbacks");
    public static final Setting METRICS_TOKEN = new Setting("metrics.token", "MEDIANEST_METRICS_TOKEN", null,
            "Bearer token that may read GET /metrics (besides admins); never logged");
    public static final Setting METRICS_PUBLIC = new Setting("metrics.public", "MEDIANEST_METRICS_PUBLIC", "false",
            "true lets anyone on the network read GET /metrics");
    public static final Setting SLOW_QUERY_WARNING = new Setting("db.slow-query.warning",
            "MEDIANEST_SLOW_QUERY_WARNING", "1s", "Statements slower than this are logged as WARNING");
    public static final Setting SLOW_QUERY_CRITICAL = new Setting("db.slow-query.critical",
            "MEDIANEST_SLOW_QUERY_CRITICAL", "5s", "Statements slower than this are logged as ERROR");
    public static final Setting PERF_SAMPLE_INTERVAL = new Setting("perf.sample-interval",
            "MEDIANEST_PERF_SAMPLE_INTERVAL", "5s", "How often the performance monitor takes a reading");
    public static final Setting ALERTS_INTERVAL = new Setting("alerts.interval", "MEDIANEST_ALERTS_INTERVAL", "5s",
            "How often the alert rules are evaluated");
    public static final Setting PERF_RETENTION = new Setting("perf.history-retention", "MEDIANEST_PERF_RETENTION",
            "7d", "How long minute rollups are kept in the database (longest report period)");
    public static final Setting PERF_REPORT_INTERVAL = new Setting("perf.report.interval",
            "MEDIANEST_PERF_REPORT_INTERVAL", "24h", "How often a performance report is written to <data dir>/reports");
    public static final Setting PERF_REPORT_KEEP = new Setting("perf.report.keep", "MEDIANEST_PERF_REPORT_KEEP", "30",
            "How many written performance reports are kept");
    public static final Setting CORS_ORIGINS = new Setting("http.cors-origins", "MEDIANEST_CORS_ORIGINS", "",
            "Comma-separated origins allowed to call the API from a browser (CORS is off when empty)");

    public static final Setting TLS = new Setting("server.tls.enabled", "MEDIANEST_TLS", "false",
            "Serve HTTPS instead of HTTP on the LAN listener");
    public static final Setting TLS_KEYSTORE = new Setting("server.tls.keystore", "MEDIANEST_TLS_KEYSTORE", null,
            "PKCS#12 keystore with the server's key and certificate; default: a self-signed one in the data dir");
    public static final Setting TLS_KEYSTORE_PASSWORD = new Setting("server.tls.keystore-password",
            "MEDIANEST_TLS_KEYSTORE_PASSWORD", null, "Password of that keystore");
    public static final Setting OVERSEERR_WEBHOOK_SECRET = new Setting("overseerr.webhook-secret",
            "MEDIANEST_OVERSEERR_WEBHOOK_SECRET", null, "Value Overseerr sends in the Authorization header of its "
            + "webhook (its 'Authorization Header' field); the webhook answers 401 while this is not set");
    public static final Setting EVENTS_HEARTBEAT = new Setting("events.heartbeat", "MEDIANEST_EVENTS_HEARTBEAT",
            "15s", "How often an idle live-event stream sends a comment line (keeps proxies and clients connected)");
    public static final Setting EVENTS_REPLAY_SIZE = new Setting("events.replay-size",
            "MEDIANEST_EVENTS_REPLAY_SIZE", "1000", "Recent events kept in memory for reconnects with Last-Event-ID");
    public static final Setting EVENTS_CLIENT_BUFFER = new Setting("events.client-buffer",
            "MEDIANEST_EVENTS_CLIENT_BUFFER", "256",
            "Events queued for one stream before a client that does not keep up is disconnected");
    public static final Setting EVENTS_MAX_CLIENTS = new Setting("events.max-clients", "MEDIANEST_EVENTS_MAX_CLIENTS",
            "200", "Live-event streams open at once; more get 503");

    // Integrations: upstream addresses for unattended installs, breakers, polling, downloads.
    public static final Setting PLEX_URL = new Setting("plex.url", "MEDIANEST_PLEX_URL", null,
            "Plex Media Server base URL (overrides the stored service configuration)");
    public static final Setting PLEX_TOKEN = new Setting("plex.token", "MEDIANEST_PLEX_TOKEN", null,
            "Plex token (X-Plex-Token) for that server");
    public static final Setting OVERSEERR_URL = new Setting("overseerr.url", "MEDIANEST_OVERSEERR_URL", null,
            "Overseerr API base URL, e.g. http://overseerr:5055/api/v1");
    public static final Setting OVERSEERR_API_KEY = new Setting("overseerr.api-key", "MEDIANEST_OVERSEERR_API_KEY",
            null, "Overseerr API key (Settings > General)");
    public static final Setting OVERSEERR_REQUEST_USER = new Setting("overseerr.request-user-id",
            "MEDIANEST_OVERSEERR_REQUEST_USER_ID", null,
            "Overseerr user id forwarded requests are created as (a non-admin keeps them pending until approved)");
    public static final Setting UPTIME_KUMA_URL = new Setting("uptime-kuma.url", "MEDIANEST_UPTIME_KUMA_URL", null,
            "Uptime Kuma base URL, e.g. http://uptime-kuma:3001");
    public static final Setting UPTIME_KUMA_SLUG = new Setting("uptime-kuma.slug", "MEDIANEST_UPTIME_KUMA_SLUG", null,
            "Slug of the Uptime Kuma status page to read (default: default)");
    public static final Setting UPTIME_KUMA_API_KEY = new Setting("uptime-kuma.api-key",
            "MEDIANEST_UPTIME_KUMA_API_KEY", null, "Uptime Kuma API key: read /metrics (all monitors, 30-day uptime) "
            + "instead of the status page");
    public static final Setting YTDLP_PATH = new Setting("youtube.ytdlp-path", "MEDIANEST_YTDLP_PATH", null,
            "The yt-dlp executable (default: yt-dlp on the PATH)");
    public static final Setting DOWNLOAD_DIR = new Setting("youtube.download-dir", "MEDIANEST_DOWNLOAD_DIR", null,
            "Where YouTube downloads go, one folder per user (default: downloads in the data directory)");
    public static final Setting YOUTUBE_CONCURRENCY = new Setting("youtube.concurrency",
            "MEDIANEST_YOUTUBE_CONCURRENCY", "2", "YouTube downloads that run at the same time");
    public static final Setting YOUTUBE_HOURLY_LIMIT = new Setting("youtube.hourly-limit",
            "MEDIANEST_YOUTUBE_HOURLY_LIMIT", "5", "YouTube downloads one user may queue per hour");
    public static final Setting UPSTREAM_CONNECT_TIMEOUT = new Setting("upstream.connect-timeout",
            "MEDIANEST_UPSTREAM_CONNECT_TIMEOUT", "2s", "Connect timeout of every upstream call");
    public static final Setting BREAKER_CALL_TIMEOUT = new Setting("resilience.call-timeout",
            "MEDIANEST_BREAKER_CALL_TIMEOUT", "5s", "Longest an upstream call may take; a timeout counts as a failure");
    public static final Setting BREAKER_FAILURE_RATE = new Setting("resilience.failure-rate",
            "MEDIANEST_BREAKER_FAILURE_RATE", "50", "Failure percentage at which a circuit breaker opens");
    public static final Setting BREAKER_MINIMUM_CALLS = new Setting("resilience.minimum-calls",
            "MEDIANEST_BREAKER_MINIMUM_CALLS", "10", "Calls a breaker needs to see before it can open (its window)");
    public static final Setting BREAKER_OPEN_DURATION = new Setting("resilience.open-duration",
            "MEDIANEST_BREAKER_OPEN_DURATION", "30s", "How long an open breaker waits before a half-open probe");
    public static final Setting BREAKER_HALF_OPEN_CALLS = new Setting("resilience.half-open-calls",
            "MEDIANEST_BREAKER_HALF_OPEN_CALLS", "1", "Probe calls allowed while half-open");
    public static final Setting UPSTREAM_MAX_CONCURRENT = new Setting("resilience.max-concurrent-calls",
            "MEDIANEST_UPSTREAM_MAX_CONCURRENT", "4", "Bulkhead: calls in flight per upstream (more are refused)");
    public static final Setting RETRY_ATTEMPTS = new Setting("resilience.retry-attempts",
            "MEDIANEST_RETRY_ATTEMPTS", "3", "Attempts of an idempotent read (1 = no retry)");
    public static final Setting RETRY_BACKOFF = new Setting("resilience.retry-backoff", "MEDIANEST_RETRY_BACKOFF",
            "200ms", "First retry delay; doubles per attempt, with random jitter");
    public static final Setting UPTIME_KUMA_POLL = new Setting("uptime-kuma.poll-interval",
            "MEDIANEST_UPTIME_KUMA_POLL_INTERVAL", "60s", "How often service statuses are read from Uptime Kuma");
    public static final Setting OUTBOX_POLL = new Setting("overseerr.outbox-interval",
            "MEDIANEST_OVERSEERR_OUTBOX_INTERVAL", "5s", "How often requests waiting for Overseerr are sent");
    public static final Setting OUTBOX_MAX_BACKOFF = new Setting("overseerr.outbox-max-backoff",
            "MEDIANEST_OVERSEERR_OUTBOX_MAX_BACKOFF", "15m", "Longest wait between two attempts to send a request");

    // Security limits and timeouts (docs/security.md lists them).
    public static final Setting LOGIN_MAX_FAILURES_PER_ADDRESS = new Setting("auth.login.max-failures-per-address",
            "MEDIANEST_LOGIN_MAX_FAILURES_PER_ADDRESS", "20",
            "Failed sign-ins from one address (any user names) before it is slowed down");
    public static final Setting LOGIN_BASE_DELAY = new Setting("auth.login.base-delay", "MEDIANEST_LOGIN_BASE_DELAY",
            "30s", "First wait after a limit is reached; doubles with every further failure, up to the window");
    public static final Setting PLEX_PIN_CREATE_LIMIT = new Setting("auth.plex.pin-create-limit",
            "MEDIANEST_PLEX_PIN_CREATE_LIMIT", "10", "Plex sign-ins one address may start per minute (each calls plex.tv)");
    public static final Setting PLEX_PIN_POLL_LIMIT = new Setting("auth.plex.pin-poll-limit",
            "MEDIANEST_PLEX_PIN_POLL_LIMIT", "120",
            "Plex PIN polls and verifications one address may make per minute (each calls plex.tv)");
    public static final Setting PLEX_ALLOW_ANY_ACCOUNT = new Setting("auth.plex.allow-any-account",
            "MEDIANEST_PLEX_ALLOW_ANY_ACCOUNT", "false",
            "true lets any plex.tv account sign up; false admits only the owner and accounts the Plex server is shared with");
    public static final Setting EVENTS_MAX_PER_USER = new Setting("events.max-per-user", "MEDIANEST_EVENTS_MAX_PER_USER",
            "10", "Live-event streams one user (or API key) may have open at once; a new one past it replaces their oldest");
    public static final Setting EVENTS_LIVENESS_PROBE = new Setting("events.liveness-probe",
            "MEDIANEST_EVENTS_LIVENESS_PROBE", "2s",
            "How often a live-event stream writes a tiny probe, so a closed client frees its slot within about two probes");
    public static final Setting HEADER_TIMEOUT = new Setting("server.header-timeout", "MEDIANEST_HEADER_TIMEOUT", "10s",
            "Longest time a client may take to send a request's line and headers (slowloris guard)");
    public static final Setting IDLE_TIMEOUT = new Setting("server.idle-timeout", "MEDIANEST_IDLE_TIMEOUT", "60s",
            "A connection with no request for this long is closed (live-event streams are not idle)");
    public static final Setting MAX_CONNECTIONS = new Setting("server.max-connections", "MEDIANEST_MAX_CONNECTIONS",
            "4096", "TCP connections served at once; further ones wait in the accept queue");

    public static final List<Setting> SECURITY = List.of(LOGIN_MAX_FAILURES_PER_ADDRESS, LOGIN_BASE_DELAY,
            PLEX_PIN_CREATE_LIMIT, PLEX_PIN_POLL_LIMIT, PLEX_ALLOW_ANY_ACCOUNT, EVENTS_MAX_PER_USER,
            EVENTS_LIVENESS_PROBE, HEADER_TIMEOUT, IDLE_TIMEOUT, MAX_CONNECTIONS);

    // Data safety (docs/operations.md): compaction and backups of the embedded database.
    public static final Setting DB_COMPACT_INTERVAL = new Setting("db.compact-interval", "MEDIANEST_DB_COMPACT_INTERVAL",
            "10m", "How often the embedded H2 file is compacted online, giving back the space of freed chunks "
                    + "(0s: never; it is also compacted at shutdown)");
    public static final Setting BACKUP_INTERVAL = new Setting("backup.interval", "MEDIANEST_BACKUP_INTERVAL", "24h",
            "How often the embedded H2 database is backed up while running (0s: no scheduled backups)");
    public static final Setting BACKUP_KEEP = new Setting("backup.keep", "MEDIANEST_BACKUP_KEEP", "7",
            "How many backups are kept (the oldest are deleted)");
    public static final Setting BACKUP_DIR = new Setting("backup.dir", "MEDIANEST_BACKUP_DIR", null,
            "Where backups go (default: backups in the data directory)");
    public static final List<Setting> DATA_SAFETY = List.of(DB_COMPACT_INTERVAL, BACKUP_INTERVAL, BACKUP_KEEP,
            BACKUP_DIR);

    public static final Setting NOTIFY_INTERVAL = new Setting("notifications.delivery-interval",
            "MEDIANEST_NOTIFY_INTERVAL", "2s", "How often queued notifications are sent out (email, webhook, ntfy, "
            + "Discord)");
    public static final Setting NOTIFY_RETRY_INITIAL = new Setting("notifications.retry-initial",
            "MEDIANEST_NOTIFY_RETRY_INITIAL", "10s", "Wait after a channel's first failed attempt; doubles per attempt");
    public static final Setting NOTIFY_RETRY_MAX = new Setting("notifications.retry-max",
            "MEDIANEST_NOTIFY_RETRY_MAX", "15m", "Longest wait between two attempts of one notification");
    public static final Setting NOTIFY_BREAKER_OPEN = new Setting("notifications.breaker-open",
            "MEDIANEST_NOTIFY_BREAKER_OPEN", "60s", "How long a failing channel's circuit breaker stays open");
    public static final Setting NOTIFY_TIMEOUT = new Setting("notifications.timeout", "MEDIANEST_NOTIFY_TIMEOUT",
            "10s", "Connect and answer timeout of one delivery (SMTP, webhook, ntfy, Discord)");
    public static final Setting CREDENTIAL_CHECK = new Setting("upstream.credential-check-interval",
            "MEDIANEST_CREDENTIAL_CHECK_INTERVAL", "60s", "How often the Plex token, Overseerr API key and Uptime "
            + "Kuma metrics key are checked (a rejection raises a critical alert)");
    public static final List<Setting> NOTIFICATIONS = List.of(NOTIFY_INTERVAL, NOTIFY_RETRY_INITIAL,
            NOTIFY_RETRY_MAX, NOTIFY_BREAKER_OPEN, NOTIFY_TIMEOUT, CREDENTIAL_CHECK);

    public static final List<Setting> INTEGRATIONS = List.of(PLEX_URL, PLEX_TOKEN, OVERSEERR_URL, OVERSEERR_API_KEY,
            OVERSEERR_REQUEST_USER, UPTIME_KUMA_URL, UPTIME_KUMA_SLUG, UPTIME_KUMA_API_KEY, YTDLP_PATH, DOWNLOAD_DIR,
            YOUTUBE_CONCURRENCY, YOUTUBE_HOURLY_LIMIT, UPSTREAM_CONNECT_TIMEOUT, BREAKER_CALL_TIMEOUT,
            BREAKER_FAILURE_RATE, BREAKER_MINIMUM_CALLS, BREAKER_OPEN_DURATION, BREAKER_HALF_OPEN_CALLS,
            UPSTREAM_MAX_CONCURRENT, RETRY_ATTEMPTS, RETRY_BACKOFF, UPTIME_KUMA_POLL, OUTBOX_POLL,
            OUTBOX_MAX_BACKOFF);

    public static final List<Setting> ALL = Stream.concat(Stream.of(HOST, PORT, SHUTDOWN_GRACE, DATA_DIR, DB_URL, DB_USER,
            DB_PASSWORD, DB_POOL_MAX, DB_POOL_MIN_IDLE, DB_ACQUIRE_TIMEOUT, DB_STATEMENT_TIMEOUT, DB_QUERY_TIMEOUT,
            LOG_LEVEL, ADMIN_USERNAME, ADMIN_PASSWORD, ENCRYPTION_KEY, PLEXTV_URL, LOGIN_MAX_FAILURES, LOGIN_WINDOW,
            SESSION_CACHE_TTL, CORS_ORIGINS, TLS, TLS_KEYSTORE, TLS_KEYSTORE_PASSWORD, OVERSEERR_WEBHOOK_SECRET,
            EVENTS_HEARTBEAT, EVENTS_REPLAY_SIZE, EVENTS_CLIENT_BUFFER, EVENTS_MAX_CLIENTS,
            CACHE_TTL_SERVICE, CACHE_TTL_USER, CACHE_MAX_ENTRIES, CACHE_STALE_TTL, METRICS_TOKEN,
            METRICS_PUBLIC, SLOW_QUERY_WARNING, SLOW_QUERY_CRITICAL, PERF_SAMPLE_INTERVAL, ALERTS_INTERVAL,
            PERF_RETENTION, PERF_REPORT_INTERVAL, PERF_REPORT_KEEP), Stream.of(INTEGRATIONS, SECURITY, DATA_SAFETY,
            NOTIFICATIONS).flatMap(List::stream)).toList();

    private SettingsCatalog() {
    }
}
