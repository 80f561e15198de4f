package app.medianest.server.security;

import app.medianest.server.db.Jdbc;
import app.medianest.server.testing.Api;
import app.medianest.server.testing.Api.Caller;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding 2: an API key acts as its own account with only its role's rights, never as the admin who created it;
 * logging out with a key is refused with a pointer to the keys route, and the key stays valid.
 */
class ApiKeyIdentityTest {
    @Test
    void aUserRoleKeyHasItsOwnIdentityAndOnlyUserRights() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2); TestServer server = TestServer.start(db)) {
            Api api = new Api(server);
            Caller admin = api.admin("root");
            Caller alice = api.user("alice");
            TestServer.Res created = api.post(admin, "/api/v1/admin/api-keys", "{\"name\":\"tool\",\"role\":\"user\"}");
            assertEquals(201, created.status(), created.body());
            String key = created.data().get("key").asText();
            UUID keyId = UUID.fromString(created.data().get("id").asText());

            // alice's request notifies the admin; the key must not see the admin's notifications.
            api.request(alice, "movie", 603, "The Matrix");
            assertTrue(api.get(admin, "/api/v1/dashboard/notifications").data().size() > 0);
            TestServer.Res keyNotes = server.get("/api/v1/dashboard/notifications", "X-Api-Key", key);
            assertEquals(200, keyNotes.status(), keyNotes.body());
            assertEquals(0, keyNotes.data().size(), "the key reads only its own notifications: " + keyNotes.body());

            // Its identity is its own account, with the user role.
            JsonNode session = server.get("/api/v1/auth/session", "X-Api-Key", key).data();
            assertEquals(keyId.toString(), session.at("/user/id").asText());
            assertNotEquals(admin.id().toString(), session.at("/user/id").asText());
            assertEquals("user", session.at("/user/role").asText());

            // A request it creates is owned by the key's account, not by the admin.
            TestServer.Res req = server.post("/api/v1/media/requests", "{\"mediaType\":\"movie\",\"tmdbId\":604,"
                    + "\"title\":\"The Matrix Reloaded\"}", "X-Api-Key", key);
            assertEquals(201, req.status(), req.body());
            Jdbc jdbc = server.server().components().database().jdbc();
            UUID owner = jdbc.queryOne("SELECT user_id FROM media_requests WHERE id = ?", r -> r.uuid("user_id"),
                    UUID.fromString(req.data().get("id").asText())).orElseThrow();
            assertEquals(keyId, owner);
            // alice's request is not the key's to see.
            TestServer.Res mine = server.get("/api/v1/media/requests", "X-Api-Key", key);
            assertEquals(1, mine.data().size(), mine.body());

            // Only the rights of its role.
            assertEquals(403, server.get("/api/v1/admin/users", "X-Api-Key", key).status());
            // The service account is not listed among the people.
            assertFalse(api.get(admin, "/api/v1/admin/users").body().contains(keyId.toString()));

            // Logout with a key: a 4xx that says how keys are revoked; the key keeps working.
            TestServer.Res logout = server.post("/api/v1/auth/logout", null, "X-Api-Key", key);
            Api.assertError(logout, 400, "API_KEY_LOGOUT");
            assertTrue(logout.body().contains("/api/v1/admin/api-keys"), logout.body());
            assertEquals(200, server.get("/api/v1/auth/session", "X-Api-Key", key).status());

            // Revoking it through the keys route ends it.
            assertEquals(200, api.delete(admin, "/api/v1/admin/api-keys/" + keyId).status());
            assertEquals(401, server.get("/api/v1/auth/session", "X-Api-Key", key).status());
        }
    }
}
