package app.medianest.server.auth;

import app.medianest.model.Role;
import app.medianest.server.testing.Accounts;
import app.medianest.server.testing.DatabasePerKind;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.Fixtures;
import app.medianest.server.testing.TestServer;
import app.medianest.server.users.User;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;

import static app.medianest.server.testing.Accounts.PASSWORD;
import static app.medianest.server.testing.Accounts.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in, sessions, revocation, API keys and user admin over real HTTP, on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class AuthFlowTest {
    private static final DatabasePerKind DATABASES = new DatabasePerKind();

    @Parameter
    DbKind kind;

    private TestServer server;
    private String adminToken;

    @BeforeEach
    void start() {
        var db = DATABASES.get(kind);
        db.truncateAll();
        server = TestServer.start(db);
        adminToken = Accounts.setupAdmin(server, "admin");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterAll
    static void closeAll() {
        DATABASES.close();
    }

    private String loginBody(String user, String password) {
        return "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
    }

    @Test
    void setupWorksOnceAndNeedsTheToken() {
        var again = server.post("/api/v1/auth/setup", "{\"username\":\"x\",\"password\":\"" + PASSWORD
                + "\",\"setupToken\":\"whatever\"}");
        assertEquals(409, again.status());
        assertEquals("SETUP_COMPLETE", again.errorCode());
        var session = server.get("/api/v1/auth/session", bearer(adminToken));
        assertEquals(200, session.status());
        assertEquals("admin", session.data().at("/user/role").asText());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        var wrong = server.post("/api/v1/auth/login", loginBody("admin", "not the password"));
        var unknown = server.post("/api/v1/auth/login", loginBody("nobody", "not the password"));
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals("INVALID_CREDENTIALS", wrong.errorCode());
        assertEquals(wrong.json().at("/error/message"), unknown.json().at("/error/message"));
    }

    @Test
    void loginReturnsUserTokenAndExpiry() {
        var r = server.post("/api/v1/auth/login", "{\"username\":\"ADMIN\",\"password\":\"" + PASSWORD
                + "\",\"rememberMe\":true}");
        assertEquals(200, r.status());
        JsonNode d = r.data();
        assertEquals("admin", d.at("/user/username").asText());
        assertTrue(d.get("token").asText().length() >= 43, "at least 256 bits");
        Instant expires = Instant.parse(d.get("expiresAt").asText());
        assertTrue(expires.isAfter(Instant.now().plus(java.time.Duration.ofDays(29))), "remember me lasts 30 days");
        assertFalse(r.body().contains("passwordHash") || r.body().contains("argon2"));
    }

    @Test
    void logoutRevokesTheTokenAtOnceEvenWhenCached() {
        String token = Accounts.login(server, "admin");
        assertEquals(200, server.get("/api/v1/auth/session", bearer(token)).status());
        assertEquals(200, server.post("/api/v1/auth/logout", null, bearer(token)).status());
        assertEquals(401, server.get("/api/v1/auth/session", bearer(token)).status());
        assertEquals(200, server.get("/api/v1/auth/session", bearer(adminToken)).status(), "other sessions live on");
    }

    @Test
    void passwordChangeEndsEverySessionOfTheUser() {
        User alice = Accounts.user(server, "alice", Role.USER);
        String t1 = Accounts.login(server, "alice");
        String t2 = Accounts.login(server, "alice");
        assertEquals(200, server.get("/api/v1/auth/session", bearer(t2)).status());
        var weak = server.post("/api/v1/auth/password", "{\"currentPassword\":\"" + PASSWORD
                + "\",\"newPassword\":\"short\"}", bearer(t1));
        assertEquals(400, weak.status());
        assertEquals("VALIDATION_ERROR", weak.errorCode());
        var change = server.post("/api/v1/auth/password", "{\"currentPassword\":\"" + PASSWORD
                + "\",\"newPassword\":\"a much better passphrase\"}", bearer(t1));
        assertEquals(200, change.status());
        assertEquals(401, server.get("/api/v1/auth/session", bearer(t1)).status());
        assertEquals(401, server.get("/api/v1/auth/session", bearer(t2)).status());
        assertEquals(401, server.post("/api/v1/auth/login", loginBody("alice", PASSWORD)).status());
        assertEquals(200, server.post("/api/v1/auth/login", loginBody("alice", "a much better passphrase")).status());
        assertNotNull(alice);
    }

    @Test
    void suspensionEndsSessionsAndBlocksSignIn() {
        User bob = Accounts.user(server, "bob", Role.USER);
        String token = Accounts.login(server, "bob");
        assertEquals(200, server.get("/api/v1/auth/session", bearer(token)).status());
        var r = server.send("PATCH", "/api/v1/admin/users/" + bob.id(), "{\"status\":\"suspended\"}",
                bearer(adminToken));
        assertEquals(200, r.status());
        assertEquals(401, server.get("/api/v1/auth/session", bearer(token)).status());
        assertEquals(401, server.post("/api/v1/auth/login", loginBody("bob", PASSWORD)).status());
    }

    @Test
    void adminCannotDemoteSuspendOrDeleteThemselves() {
        String adminId = server.get("/api/v1/auth/session", bearer(adminToken)).data().at("/user/id").asText();
        for (String body : List.of("{\"role\":\"user\"}", "{\"status\":\"suspended\"}")) {
            var r = server.send("PATCH", "/api/v1/admin/users/" + adminId, body, bearer(adminToken));
            assertEquals(409, r.status(), body);
        }
        assertEquals(409, server.send("DELETE", "/api/v1/admin/users/" + adminId, null, bearer(adminToken)).status());
    }

    @Test
    void adminCreatesListsAndDeletesUsersWithRequestCounts() {
        var created = server.post("/api/v1/admin/users", "{\"username\":\"carol\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"user\",\"email\":\"carol@example.home\"}", bearer(adminToken));
        assertEquals(201, created.status());
        String carolId = created.data().get("id").asText();
        assertEquals(409, server.post("/api/v1/admin/users", "{\"username\":\"CAROL\",\"password\":\"" + PASSWORD
                + "\"}", bearer(adminToken)).status(), "user names are unique regardless of case");
        var jdbc = server.server().components().database().jdbc();
        Fixtures.insert(jdbc, List.of(
                Fixtures.request(java.util.UUID.fromString(carolId), 1, "A", app.medianest.model.RequestStatus.PENDING,
                        Instant.now()),
                Fixtures.request(java.util.UUID.fromString(carolId), 2, "B", app.medianest.model.RequestStatus.PENDING,
                        Instant.now())));
        var list = server.get("/api/v1/admin/users?search=car&limit=5", bearer(adminToken));
        assertEquals(200, list.status());
        assertEquals(1, list.data().size());
        assertEquals(2, list.data().get(0).get("requestCount").asLong());
        assertTrue(list.json().at("/meta").has("nextCursor"));
        var deleted = server.send("DELETE", "/api/v1/admin/users/" + carolId, null, bearer(adminToken));
        assertEquals(200, deleted.status());
        assertEquals(2, jdbc.queryLong("SELECT COUNT(*) AS n FROM media_requests WHERE user_id IS NULL"),
                "a deleted user's requests stay, anonymised");
        assertEquals(404, server.send("DELETE", "/api/v1/admin/users/" + carolId, null, bearer(adminToken)).status());
    }

    @Test
    void userListPagesWithCursorsAndRejectsBadParameters() {
        for (int i = 0; i < 7; i++) {
            Accounts.user(server, "user" + i, Role.USER);
        }
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = server.get("/api/v1/admin/users?limit=3&sort=username&order=asc"
                    + (cursor == null ? "" : "&cursor=" + cursor), bearer(adminToken));
            assertEquals(200, page.status());
            page.data().forEach(u -> seen.add(u.get("username").asText()));
            JsonNode next = page.json().at("/meta/nextCursor");
            cursor = next.isNull() ? null : next.asText();
        } while (cursor != null);
        assertEquals(8, seen.size());
        assertEquals(seen.stream().sorted().toList(), seen);
        assertEquals(400, server.get("/api/v1/admin/users?cursor=garbage", bearer(adminToken)).status());
        assertEquals(400, server.get("/api/v1/admin/users?sort=password_hash", bearer(adminToken)).status());
        assertEquals(400, server.get("/api/v1/admin/users?limit=abc", bearer(adminToken)).status());
        assertEquals(400, server.get("/api/v1/admin/users?role=root", bearer(adminToken)).status());
    }

    @Test
    void apiKeysAreShownOnceListedByPrefixAndRevocable() {
        var created = server.post("/api/v1/admin/api-keys", "{\"name\":\"homarr\",\"role\":\"user\"}",
                bearer(adminToken));
        assertEquals(201, created.status());
        String key = created.data().get("key").asText();
        String id = created.data().get("id").asText();
        assertTrue(key.startsWith(created.data().get("prefix").asText()));
        var list = server.get("/api/v1/admin/api-keys", bearer(adminToken));
        assertFalse(list.body().contains(key), "the key is never shown again");
        assertTrue(list.data().get(0).get("key").isNull());
        var asKey = server.get("/api/v1/auth/session", "X-Api-Key", key);
        assertEquals(200, asKey.status());
        assertEquals("user", asKey.data().at("/user/role").asText());
        assertEquals(403, server.get("/api/v1/admin/users", "X-Api-Key", key).status(), "acts with its role");
        assertEquals(200, server.send("DELETE", "/api/v1/admin/api-keys/" + id, null, bearer(adminToken)).status());
        assertEquals(401, server.get("/api/v1/auth/session", "X-Api-Key", key).status());
        assertEquals(404, server.send("DELETE", "/api/v1/admin/api-keys/" + java.util.UUID.randomUUID(), null,
                bearer(adminToken)).status());
    }

    @Test
    void expiredSessionsAreRefusedAndDeletedInBulk() {
        User dave = Accounts.user(server, "dave", Role.USER);
        String token = Accounts.session(server, dave.id());
        var jdbc = server.server().components().database().jdbc();
        jdbc.update("UPDATE session_tokens SET expires_at = ? WHERE token_hash = ?", Instant.now().minusSeconds(5),
                Secrets.hash(token));
        assertEquals(401, server.get("/api/v1/auth/session", bearer(token)).status());
        assertTrue(server.server().components().sessions().deleteExpired() >= 1);
        assertEquals(0, jdbc.queryLong("SELECT COUNT(*) AS n FROM session_tokens WHERE token_hash = ?",
                Secrets.hash(token)));
    }

    @Test
    void lastUsedIsWrittenInBatchesNotPerRequest() {
        String token = Accounts.login(server, "admin");
        var jdbc = server.server().components().database().jdbc();
        Instant before = jdbc.queryOne("SELECT last_used_at FROM session_tokens WHERE token_hash = ?",
                r -> r.instant("last_used_at"), Secrets.hash(token)).orElseThrow();
        for (int i = 0; i < 5; i++) {
            server.get("/api/v1/auth/session", bearer(token));
        }
        Instant still = jdbc.queryOne("SELECT last_used_at FROM session_tokens WHERE token_hash = ?",
                r -> r.instant("last_used_at"), Secrets.hash(token)).orElseThrow();
        assertEquals(before, still, "no database write per request");
        server.server().components().sessions().flushLastUsed();
        Instant after = jdbc.queryOne("SELECT last_used_at FROM session_tokens WHERE token_hash = ?",
                r -> r.instant("last_used_at"), Secrets.hash(token)).orElseThrow();
        assertTrue(after.isAfter(before));
    }

    @Test
    void malformedCredentialsAre401() {
        assertEquals(401, server.get("/api/v1/auth/session", "Authorization", "Basic abc").status());
        assertEquals(401, server.get("/api/v1/auth/session", "Authorization", "Bearer ").status());
        assertEquals(401, server.get("/api/v1/auth/session", "Authorization", "Bearer mns_' OR 1=1 --").status());
        assertEquals(401, server.get("/api/v1/auth/session", "X-Api-Key", "x".repeat(400)).status());
        assertNull(server.get("/api/v1/auth/session").json().get("data"));
    }
}
