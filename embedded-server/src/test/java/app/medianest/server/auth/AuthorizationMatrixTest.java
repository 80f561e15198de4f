package app.medianest.server.auth;

import app.medianest.fakes.FakePlexTv;
import app.medianest.model.Role;
import app.medianest.server.http.Access;
import app.medianest.server.http.RouteTable;
import app.medianest.server.testing.Accounts;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import app.medianest.server.users.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every route of the server's own route table x every kind of caller. The expected access of each route is
 * listed here: a route added to the server without an entry fails this test, and so does a route whose
 * declared access differs from the expectation.
 */
class AuthorizationMatrixTest {
    /** The access each route of the contract must have. */
    static final Map<String, Access> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /health", Access.PUBLIC),
            Map.entry("GET /health/ready", Access.PUBLIC),
            Map.entry("POST /api/v1/auth/setup", Access.PUBLIC),
            Map.entry("POST /api/v1/auth/login", Access.PUBLIC),
            Map.entry("POST /api/v1/auth/plex/pin", Access.PUBLIC),
            Map.entry("GET /api/v1/auth/plex/pin/{id}", Access.PUBLIC),
            Map.entry("POST /api/v1/auth/plex/verify", Access.PUBLIC),
            Map.entry("GET /api/v1/auth/session", Access.USER),
            Map.entry("POST /api/v1/auth/logout", Access.USER),
            Map.entry("POST /api/v1/auth/password", Access.USER),
            Map.entry("GET /api/v1/admin/users", Access.ADMIN),
            Map.entry("POST /api/v1/admin/users", Access.ADMIN),
            Map.entry("PATCH /api/v1/admin/users/{id}", Access.ADMIN),
            Map.entry("DELETE /api/v1/admin/users/{id}", Access.ADMIN),
            Map.entry("GET /api/v1/admin/api-keys", Access.ADMIN),
            Map.entry("POST /api/v1/admin/api-keys", Access.ADMIN),
            Map.entry("DELETE /api/v1/admin/api-keys/{id}", Access.ADMIN),
            Map.entry("GET /api/v1/admin/settings", Access.ADMIN),
            Map.entry("PUT /api/v1/admin/settings", Access.ADMIN),
            Map.entry("GET /api/v1/admin/stats", Access.ADMIN),
            Map.entry("GET /api/v1/admin/backups", Access.ADMIN),
            Map.entry("POST /api/v1/admin/backups", Access.ADMIN),
            Map.entry("POST /api/v1/media/requests", Access.USER),
            Map.entry("GET /api/v1/media/requests", Access.USER),
            Map.entry("GET /api/v1/media/requests/counts", Access.USER),
            Map.entry("GET /api/v1/media/requests/{id}", Access.USER),
            Map.entry("DELETE /api/v1/media/requests/{id}", Access.USER),
            Map.entry("GET /api/v1/admin/requests", Access.ADMIN),
            Map.entry("POST /api/v1/admin/requests/bulk", Access.ADMIN),
            Map.entry("POST /api/v1/admin/requests/{id}/approve", Access.ADMIN),
            Map.entry("POST /api/v1/admin/requests/{id}/decline", Access.ADMIN),
            Map.entry("POST /api/v1/webhooks/overseerr", Access.SECRET),
            Map.entry("GET /api/v1/dashboard/stats", Access.USER),
            Map.entry("GET /api/v1/dashboard/status", Access.USER),
            Map.entry("GET /api/v1/dashboard/status/{service}", Access.USER),
            Map.entry("GET /api/v1/dashboard/notifications", Access.USER),
            Map.entry("POST /api/v1/dashboard/notifications/{id}/read", Access.USER),
            Map.entry("GET /api/v1/events", Access.USER),
            Map.entry("GET /metrics", Access.SECRET),
            Map.entry("GET /api/v1/performance/metrics", Access.ADMIN),
            Map.entry("GET /api/v1/performance/history", Access.ADMIN),
            Map.entry("GET /api/v1/performance/report", Access.ADMIN),
            Map.entry("GET /api/v1/performance/alerts", Access.ADMIN),
            Map.entry("POST /api/v1/performance/alerts/{id}/ack", Access.ADMIN),
            Map.entry("GET /api/v1/admin/alert-rules", Access.ADMIN),
            Map.entry("PUT /api/v1/admin/alert-rules", Access.ADMIN),
            Map.entry("GET /api/v1/admin/feature-flags", Access.ADMIN),
            Map.entry("PUT /api/v1/admin/feature-flags", Access.ADMIN),
            Map.entry("POST /api/v1/admin/cache/flush", Access.ADMIN),
            Map.entry("GET /api/v1/resilience/circuit-breakers", Access.ADMIN),
            Map.entry("POST /api/v1/admin/circuit-breakers/{name}/reset", Access.ADMIN),
            Map.entry("GET /api/v1/admin/services", Access.ADMIN),
            Map.entry("PUT /api/v1/admin/services/{name}", Access.ADMIN),
            Map.entry("POST /api/v1/admin/services/{name}/test", Access.ADMIN),
            Map.entry("GET /api/v1/plex/server", Access.USER),
            Map.entry("GET /api/v1/plex/libraries", Access.USER),
            Map.entry("GET /api/v1/plex/libraries/{key}/items", Access.USER),
            Map.entry("GET /api/v1/plex/search", Access.USER),
            Map.entry("GET /api/v1/plex/recently-added", Access.USER),
            Map.entry("GET /api/v1/plex/libraries/{key}/collections", Access.USER),
            Map.entry("GET /api/v1/plex/collections/{key}", Access.USER),
            Map.entry("POST /api/v1/youtube/downloads", Access.USER),
            Map.entry("GET /api/v1/youtube/downloads", Access.USER),
            Map.entry("GET /api/v1/youtube/downloads/{id}", Access.USER),
            Map.entry("DELETE /api/v1/youtube/downloads/{id}", Access.USER),
            Map.entry("GET /api/v1/youtube/metadata", Access.USER),
            Map.entry("GET /api/v1/media/search", Access.USER),
            Map.entry("GET /api/v1/media/movie/{tmdbId}", Access.USER),
            Map.entry("GET /api/v1/media/tv/{tmdbId}", Access.USER),
            Map.entry("GET /api/v1/media/{type}/{tmdbId}", Access.USER),
            Map.entry("GET /api/v1/me/quota", Access.USER),
            Map.entry("GET /api/v1/admin/request-rules", Access.ADMIN),
            Map.entry("PUT /api/v1/admin/request-rules", Access.ADMIN),
            Map.entry("GET /api/v1/admin/users/{id}/request-rules", Access.ADMIN),
            Map.entry("PUT /api/v1/admin/users/{id}/request-rules", Access.ADMIN),
            Map.entry("GET /api/v1/admin/notification-channels", Access.ADMIN),
            Map.entry("PUT /api/v1/admin/notification-channels/{name}", Access.ADMIN),
            Map.entry("POST /api/v1/admin/notification-channels/{name}/test", Access.ADMIN),
            Map.entry("GET /api/v1/me/notification-settings", Access.USER),
            Map.entry("PUT /api/v1/me/notification-settings", Access.USER),
            Map.entry("GET /api/v1/openapi.json", Access.PUBLIC),
            Map.entry("GET /api/v1/docs", Access.PUBLIC),
            Map.entry("GET /api/v1/docs/{file}", Access.PUBLIC)));

    /** Routes that only make sense for a signed-in person: API keys get 403 there. */
    static final java.util.Set<String> SESSION_ONLY = java.util.Set.of("POST /api/v1/auth/password");

    /**
     * SECRET routes that also accept admins (Prometheus scraping: its own bearer token, or an admin); everyone
     * else gets 401, or 403 when signed in without being an admin.
     */
    static final java.util.Set<String> SECRET_OR_ADMIN = java.util.Set.of("GET /metrics");

    /** The kinds of caller. */
    enum Caller { NONE, MALFORMED, EXPIRED, REVOKED, USER, OTHER_USER, ADMIN, USER_API_KEY, ADMIN_API_KEY }

    private static TestDatabase db;
    private static TestServer server;
    private static FakePlexTv plexTv;
    private static User user;
    private static User other;
    private static UUID adminId;
    private static String userKey;
    private static String adminKey;

    @BeforeAll
    static void start() {
        plexTv = FakePlexTv.start();
        db = TestDatabase.create(DbKind.H2);
        server = TestServer.start(db, Clock.systemUTC(), Map.of("plextv.url", plexTv.baseUrl()));
        String adminToken = Accounts.setupAdmin(server, "admin");
        adminId = UUID.fromString(server.get("/api/v1/auth/session", Accounts.bearer(adminToken)).data()
                .at("/user/id").asText());
        user = Accounts.user(server, "matrix-user", Role.USER);
        other = Accounts.user(server, "matrix-other", Role.USER);
        SessionService sessions = server.server().components().sessions();
        userKey = sessions.newApiKey(UUID.randomUUID(), "user key", Role.USER, adminId);
        adminKey = sessions.newApiKey(UUID.randomUUID(), "admin key", Role.ADMIN, adminId);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
        plexTv.close();
    }

    /** Fresh credentials per cell, so a route that revokes (logout) cannot affect the next cell. */
    private static String[] headers(Caller c) {
        SessionService sessions = server.server().components().sessions();
        Supplier<String> fresh = () -> sessions.issue(user.id(), false, "127.0.0.1", "matrix").token();
        return switch (c) {
            case NONE -> new String[0];
            case MALFORMED -> new String[] {"Authorization", "Bearer not-a-token"};
            case EXPIRED -> {
                String t = fresh.get();
                server.server().components().database().jdbc().update(
                        "UPDATE session_tokens SET expires_at = ? WHERE token_hash = ?", Instant.now().minusSeconds(1),
                        Secrets.hash(t));
                yield Accounts.bearer(t);
            }
            case REVOKED -> {
                String t = fresh.get();
                server.post("/api/v1/auth/logout", null, Accounts.bearer(t));
                yield Accounts.bearer(t);
            }
            case USER -> Accounts.bearer(fresh.get());
            case OTHER_USER -> Accounts.bearer(sessions.issue(other.id(), false, "127.0.0.1", "matrix").token());
            case ADMIN -> Accounts.bearer(sessions.issue(adminId, false, "127.0.0.1", "matrix").token());
            case USER_API_KEY -> new String[] {"X-Api-Key", userKey};
            case ADMIN_API_KEY -> new String[] {"X-Api-Key", adminKey};
        };
    }

    @Test
    void everyRouteHasTheExpectedAccessRule() {
        List<String> missing = new ArrayList<>();
        for (RouteTable.Route r : server.server().routes().routes()) {
            String key = r.method().text() + " " + r.path();
            Access expected = EXPECTED.get(key);
            if (expected == null) {
                missing.add(key + " (declared " + r.access() + ")");
            } else {
                assertEquals(expected, r.access(), key);
            }
        }
        if (!missing.isEmpty()) {
            fail("routes without an entry in the authorization matrix: " + missing);
        }
        assertEquals(EXPECTED.size(), server.server().routes().routes().size(), "every expected route exists");
    }

    @Test
    void everyCallerGetsTheExpectedStatusOnEveryRoute() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (RouteTable.Route r : server.server().routes().routes()) {
            String path = r.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            String method = r.method().text();
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
            for (Caller c : Caller.values()) {
                int status = status(method, path, body, headers(c));
                cells++;
                boolean keyRefused = SESSION_ONLY.contains(method + " " + r.path())
                        && (c == Caller.USER_API_KEY || c == Caller.ADMIN_API_KEY);
                String verdict = keyRefused ? (status == 403 ? null : "API keys must get 403")
                        : SECRET_OR_ADMIN.contains(method + " " + r.path()) ? checkAdminOrSecret(c, status)
                        : check(r.access(), c, status);
                if (verdict != null) {
                    wrong.add(method + " " + r.path() + " as " + c + ": " + status + " (" + verdict + ")");
                }
            }
        }
        assertTrue(wrong.isEmpty(), cells + " cells, wrong: " + String.join("\n", wrong));
        System.out.println("authorization matrix: " + cells + " route x caller cells checked");
    }

    /** Only the status: streams (live events) are closed as soon as the headers arrive. */
    private static int status(String method, String path, String body, String[] headers) {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(path)))
                .timeout(java.time.Duration.ofSeconds(30))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            var r = server.client().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            r.body().close();
            return r.statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String checkAdminOrSecret(Caller c, int status) {
        boolean invalid = c == Caller.NONE || c == Caller.MALFORMED || c == Caller.EXPIRED || c == Caller.REVOKED;
        boolean admin = c == Caller.ADMIN || c == Caller.ADMIN_API_KEY;
        if (admin) {
            return status == 200 ? null : "admins may read it";
        }
        return invalid ? (status == 401 ? null : "expected 401") : (status == 403 ? null : "expected 403");
    }

    private static String check(Access access, Caller c, int status) {
        boolean invalid = c == Caller.NONE || c == Caller.MALFORMED || c == Caller.EXPIRED || c == Caller.REVOKED;
        boolean admin = c == Caller.ADMIN || c == Caller.ADMIN_API_KEY;
        if (status >= 500 && status != 503 && status != 504) {
            return "server error"; // 503/504: the upstream behind the route is not configured here
        }
        return switch (access) {
            case PUBLIC -> status == 401 && !invalid || status == 403 ? "public route refused a caller" : null;
            case SECRET -> status == 401 ? null : "needs its shared secret";
            case USER -> invalid ? (status == 401 ? null : "expected 401")
                    : (status == 401 || status == 403 ? "expected access" : null);
            case ADMIN -> invalid ? (status == 401 ? null : "expected 401")
                    : admin ? (status == 401 || status == 403 ? "expected access" : null)
                    : (status == 403 ? null : "expected 403");
        };
    }
}
