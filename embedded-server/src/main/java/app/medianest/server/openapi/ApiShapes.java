package app.medianest.server.openapi;

import app.medianest.model.Health;
import app.medianest.model.MediaRequestView;
import app.medianest.model.RequestCounts;
import app.medianest.model.ServiceStatusView;
import app.medianest.model.UserView;
import app.medianest.model.auth.ApiKeyCreate;
import app.medianest.model.auth.ApiKeyView;
import app.medianest.model.auth.CreateUserRequest;
import app.medianest.model.auth.LoginRequest;
import app.medianest.model.auth.PasswordChange;
import app.medianest.model.auth.PlexPin;
import app.medianest.model.auth.PlexPinStatus;
import app.medianest.model.auth.PlexVerify;
import app.medianest.model.auth.SessionInfo;
import app.medianest.model.auth.SessionResponse;
import app.medianest.model.auth.SetupRequest;
import app.medianest.model.auth.UpdateUserRequest;
import app.medianest.model.auth.UserAdminView;
import app.medianest.model.dashboard.DashboardStats;
import app.medianest.model.dashboard.NotificationView;
import app.medianest.model.media.MediaDetails;
import app.medianest.model.media.MediaSearchResult;
import app.medianest.model.perf.AlertRule;
import app.medianest.model.perf.AlertView;
import app.medianest.model.perf.AlertsView;
import app.medianest.model.perf.FeatureFlag;
import app.medianest.model.perf.PerfHistory;
import app.medianest.model.perf.PerfReport;
import app.medianest.model.perf.PerfSnapshot;
import app.medianest.model.plex.PlexCollectionItems;
import app.medianest.model.plex.PlexCollectionView;
import app.medianest.model.plex.PlexItemView;
import app.medianest.model.plex.PlexLibraryView;
import app.medianest.model.plex.PlexServerInfo;
import app.medianest.model.requests.BulkRequestAction;
import app.medianest.model.requests.BulkResult;
import app.medianest.model.requests.CreateMediaRequest;
import app.medianest.model.requests.DeclineMediaRequest;
import app.medianest.model.services.CircuitBreakerView;
import app.medianest.model.services.ServiceConfigUpdate;
import app.medianest.model.services.ServiceConfigView;
import app.medianest.model.services.ServiceTestResult;
import app.medianest.model.youtube.DownloadRequest;
import app.medianest.model.youtube.DownloadView;
import app.medianest.model.youtube.VideoMetadata;
import app.medianest.server.alerts.AlertsHttp;
import app.medianest.server.cache.CacheHttp;
import app.medianest.server.auth.AdminUsersHttp;

import java.util.List;
import java.util.Map;

import static java.util.Map.entry;

/**
 * What each route of the route table answers and takes, as shared-model records: the one fact the route table
 * cannot tell ({@code ex.ok(...)} is untyped). {@link OpenApiDocument} refuses to describe a route missing here,
 * and {@code OpenApiConformanceTest} checks every entry against real answers, so the table cannot drift.
 */
final class ApiShapes {
    /** How {@code data} is shaped. */
    enum Kind {
        /** One record. */
        ONE,
        /** A list of records. */
        LIST,
        /** A list of records with {@code meta.nextCursor} and {@code meta.limit}. */
        PAGE,
        /** A small JSON object without a record (for example {@code {"deleted": true}}). */
        OBJECT,
        /** A bare record, without the envelope ({@code /health}). */
        BARE,
        /** Server-sent events ({@code text/event-stream}). */
        EVENTS,
        /** Text in the Prometheus exposition format. */
        PROMETHEUS
    }

    /**
     * One route's shape.
     *
     * @param kind   how the answer is shaped
     * @param type   the record of {@code data} (or of its items), null for {@link Kind#OBJECT}
     * @param status the success status (200, or 201 for a creation)
     * @param body   the record of the request body, null when none or free-form
     * @param summary one line for the page
     */
    record Shape(Kind kind, Class<?> type, int status, Class<?> body, String summary) {
        Shape created() {
            return new Shape(kind, type, 201, body, summary);
        }

        Shape body(Class<?> record) {
            return new Shape(kind, type, status, record, summary);
        }
    }

    private static Shape one(Class<?> type, String summary) {
        return new Shape(Kind.ONE, type, 200, null, summary);
    }

    private static Shape list(Class<?> type, String summary) {
        return new Shape(Kind.LIST, type, 200, null, summary);
    }

    private static Shape page(Class<?> type, String summary) {
        return new Shape(Kind.PAGE, type, 200, null, summary);
    }

    private static Shape object(String summary) {
        return new Shape(Kind.OBJECT, null, 200, null, summary);
    }

    static final Map<String, Shape> ROUTES = Map.ofEntries(
            entry("GET /health", new Shape(Kind.BARE, Health.class, 200, null, "Liveness: UP while the server runs")),
            entry("GET /health/ready", new Shape(Kind.BARE, Health.class, 200, null,
                    "Readiness: UP when the database answers (503 DOWN otherwise)")),
            entry("GET /metrics", new Shape(Kind.PROMETHEUS, null, 200, null, "Prometheus metrics")),
            entry("POST /api/v1/auth/setup", one(SessionResponse.class, "Create the first admin (setup token)")
                    .body(SetupRequest.class).created()),
            entry("POST /api/v1/auth/login", one(SessionResponse.class, "Sign in with a password")
                    .body(LoginRequest.class)),
            entry("POST /api/v1/auth/plex/pin", one(PlexPin.class, "Start Plex sign-in (a PIN)").created()),
            entry("GET /api/v1/auth/plex/pin/{id}", one(PlexPinStatus.class, "Whether the Plex PIN was approved")),
            entry("POST /api/v1/auth/plex/verify", one(SessionResponse.class, "Finish Plex sign-in")
                    .body(PlexVerify.class)),
            entry("GET /api/v1/auth/session", one(SessionInfo.class, "The caller's session")),
            entry("POST /api/v1/auth/logout", object("Sign out (revokes the token)")),
            entry("POST /api/v1/auth/password", object("Change the password (signs out everywhere)")
                    .body(PasswordChange.class)),
            entry("GET /api/v1/admin/users", page(UserAdminView.class, "Users")),
            entry("POST /api/v1/admin/users", one(UserView.class, "Create a user").body(CreateUserRequest.class)
                    .created()),
            entry("PATCH /api/v1/admin/users/{id}", object("Change a user's role or status")
                    .body(UpdateUserRequest.class)),
            entry("DELETE /api/v1/admin/users/{id}", object("Delete a user")),
            entry("GET /api/v1/admin/api-keys", list(ApiKeyView.class, "API keys")),
            entry("POST /api/v1/admin/api-keys", one(ApiKeyView.class, "Create an API key (shown once)")
                    .body(ApiKeyCreate.class).created()),
            entry("DELETE /api/v1/admin/api-keys/{id}", object("Revoke an API key")),
            entry("GET /api/v1/admin/settings", object("Application settings")),
            entry("PUT /api/v1/admin/settings", object("Change application settings")
                    .body(AdminUsersHttp.SettingsBody.class)),
            entry("POST /api/v1/media/requests", one(MediaRequestView.class, "Request a movie or show")
                    .body(CreateMediaRequest.class).created()),
            entry("GET /api/v1/media/requests", page(MediaRequestView.class, "My requests")),
            entry("GET /api/v1/media/requests/counts", one(RequestCounts.class, "My requests by status")),
            entry("GET /api/v1/media/requests/{id}", one(MediaRequestView.class, "One request")),
            entry("DELETE /api/v1/media/requests/{id}", object("Cancel a pending request")),
            entry("GET /api/v1/admin/requests", page(MediaRequestView.class, "Every request (admin)")),
            entry("POST /api/v1/admin/requests/bulk", one(BulkResult.class, "Approve or decline many")
                    .body(BulkRequestAction.class)),
            entry("POST /api/v1/admin/requests/{id}/approve", one(MediaRequestView.class, "Approve a request")),
            entry("POST /api/v1/admin/requests/{id}/decline", one(MediaRequestView.class, "Decline a request")
                    .body(DeclineMediaRequest.class)),
            entry("POST /api/v1/webhooks/overseerr", object("Overseerr's webhook (its shared secret)")),
            entry("GET /api/v1/dashboard/stats", one(DashboardStats.class, "The caller's dashboard")),
            entry("GET /api/v1/dashboard/status", list(ServiceStatusView.class, "Home services' status")),
            entry("GET /api/v1/dashboard/status/{service}", one(ServiceStatusView.class, "One service's status")),
            entry("GET /api/v1/dashboard/notifications", page(NotificationView.class, "My notifications")),
            entry("POST /api/v1/dashboard/notifications/{id}/read", one(NotificationView.class,
                    "Mark a notification read")),
            entry("GET /api/v1/events", new Shape(Kind.EVENTS, null, 200, null, "Live events (server-sent events)")),
            entry("GET /api/v1/performance/metrics", one(PerfSnapshot.class, "Performance snapshot")),
            entry("GET /api/v1/performance/history", one(PerfHistory.class, "Performance history (rollups)")),
            entry("GET /api/v1/performance/report", one(PerfReport.class, "Performance report")),
            entry("GET /api/v1/performance/alerts", one(AlertsView.class, "Active alerts and history")),
            entry("POST /api/v1/performance/alerts/{id}/ack", one(AlertView.class, "Acknowledge an alert")),
            entry("GET /api/v1/admin/alert-rules", list(AlertRule.class, "Alert rules")),
            entry("PUT /api/v1/admin/alert-rules", list(AlertRule.class, "Replace the alert rules")
                    .body(AlertsHttp.RulesBody.class)),
            entry("GET /api/v1/admin/feature-flags", list(FeatureFlag.class, "Feature flags")),
            entry("PUT /api/v1/admin/feature-flags", list(FeatureFlag.class, "Switch feature flags")),
            entry("POST /api/v1/admin/cache/flush", object("Flush one cache or all").body(CacheHttp.FlushBody.class)),
            entry("GET /api/v1/resilience/circuit-breakers", list(CircuitBreakerView.class, "Circuit breakers")),
            entry("POST /api/v1/admin/circuit-breakers/{name}/reset", one(CircuitBreakerView.class,
                    "Reset a circuit breaker")),
            entry("GET /api/v1/admin/services", list(ServiceConfigView.class, "Service configuration")),
            entry("PUT /api/v1/admin/services/{name}", one(ServiceConfigView.class, "Configure a service")
                    .body(ServiceConfigUpdate.class)),
            entry("POST /api/v1/admin/services/{name}/test", one(ServiceTestResult.class, "Test a service")),
            entry("GET /api/v1/plex/server", one(PlexServerInfo.class, "The Plex server")),
            entry("GET /api/v1/plex/libraries", list(PlexLibraryView.class, "Plex libraries")),
            entry("GET /api/v1/plex/libraries/{key}/items", list(PlexItemView.class, "A library's items (offset paging)")),
            entry("GET /api/v1/plex/search", list(PlexItemView.class, "Search Plex")),
            entry("GET /api/v1/plex/recently-added", list(PlexItemView.class, "Recently added on Plex")),
            entry("GET /api/v1/plex/libraries/{key}/collections", list(PlexCollectionView.class, "A library's collections")),
            entry("GET /api/v1/plex/collections/{key}", one(PlexCollectionItems.class, "A collection's items")),
            entry("POST /api/v1/youtube/downloads", one(DownloadView.class, "Queue a YouTube download")
                    .body(DownloadRequest.class).created()),
            entry("GET /api/v1/youtube/downloads", page(DownloadView.class, "My downloads")),
            entry("GET /api/v1/youtube/downloads/{id}", one(DownloadView.class, "One download")),
            entry("DELETE /api/v1/youtube/downloads/{id}", one(DownloadView.class, "Cancel a download")),
            entry("GET /api/v1/youtube/metadata", one(VideoMetadata.class, "A video's metadata")),
            entry("GET /api/v1/media/search", list(MediaSearchResult.class, "Search movies and shows (Overseerr)")),
            entry("GET /api/v1/media/movie/{tmdbId}", one(MediaDetails.class, "A movie")),
            entry("GET /api/v1/media/tv/{tmdbId}", one(MediaDetails.class, "A show")),
            entry("GET /api/v1/media/{type}/{tmdbId}", one(MediaDetails.class, "A movie or show")),
            entry("GET /api/v1/admin/stats", object("Users, requests and downloads in numbers")),
            entry("GET /api/v1/admin/backups", list(app.medianest.model.backup.BackupView.class,
                    "Backups of the embedded database, newest first")),
            entry("POST /api/v1/admin/backups", one(app.medianest.model.backup.BackupView.class,
                    "Back up the embedded database now").created()),
            entry("GET /api/v1/me/quota", object("My request quota: used, remaining, next free slot")),
            entry("GET /api/v1/admin/request-rules", object("Default quotas and auto-approval")),
            entry("PUT /api/v1/admin/request-rules", object("Change the default quotas and auto-approval")
                    .body(app.medianest.server.requests.RequestRulesHttp.RulesBody.class)),
            entry("GET /api/v1/admin/users/{id}/request-rules", object("A user's quota and auto-approval overrides")),
            entry("PUT /api/v1/admin/users/{id}/request-rules", object("Change a user's overrides")
                    .body(app.medianest.server.requests.RequestRulesHttp.OverridesBody.class)),
            entry("GET /api/v1/admin/notification-channels", list(null, "Notification channels (secrets never shown)")),
            entry("PUT /api/v1/admin/notification-channels/{name}", object("Configure a notification channel")
                    .body(app.medianest.server.notifications.channels.NotificationChannelsHttp.ChannelBody.class)),
            entry("POST /api/v1/admin/notification-channels/{name}/test", object("Send a test notification")
                    .body(app.medianest.server.notifications.channels.NotificationChannelsHttp.TestBody.class)),
            entry("GET /api/v1/me/notification-settings", object("Which events I receive on which channel")),
            entry("PUT /api/v1/me/notification-settings", object("Change my notification choices")
                    .body(app.medianest.server.notifications.channels.NotificationChannelsHttp.SettingsBody.class)),
            entry("GET /api/v1/openapi.json", new Shape(Kind.BARE, null, 200, null, "This description (OpenAPI 3.1)")),
            entry("GET /api/v1/docs", new Shape(Kind.BARE, null, 200, null, "This description, browsable")),
            entry("GET /api/v1/docs/{file}", new Shape(Kind.BARE, null, 200, null, "The browsable page's files")));

    private ApiShapes() {
    }

    /** Routes of the table that are pages of the description itself (not JSON under the envelope). */
    static final List<String> SELF = List.of("GET /api/v1/openapi.json", "GET /api/v1/docs", "GET /api/v1/docs/{file}");
}
