package app.medianest.server.security;

import app.medianest.server.testing.Api;
import app.medianest.server.testing.Api.Caller;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Finding 10: {@code GET /api/v1/admin/stats} as the API contract describes it. */
class AdminStatsTest {
    @Test
    void statsCountUsersRequestsAndDownloadsForAdminsOnly() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2); TestServer server = TestServer.start(db)) {
            Api api = new Api(server);
            Caller admin = api.admin("root");
            Caller alice = api.user("alice");
            Caller bob = api.user("bob");
            var jdbc = server.server().components().database().jdbc();
            jdbc.update("UPDATE users SET last_login_at = ? WHERE id = ?", Instant.now().minus(60, ChronoUnit.DAYS)
                    .truncatedTo(ChronoUnit.MICROS), admin.id());
            // bob has not been seen for 30 days: no recent sign-in, no session.
            jdbc.update("UPDATE users SET last_login_at = NULL WHERE id = ?", bob.id());
            jdbc.update("DELETE FROM session_tokens WHERE user_id = ?", bob.id());
            api.request(alice, "movie", 603, "The Matrix");
            String second = api.request(alice, "movie", 604, "The Matrix Reloaded");
            assertEquals(200, api.post(admin, "/api/v1/admin/requests/" + second + "/approve", null).status());
            // An API key's service account is not a user.
            assertEquals(201, api.post(admin, "/api/v1/admin/api-keys", "{\"name\":\"t\",\"role\":\"user\"}").status());
            server.server().components().sessions().flushLastUsed();

            TestServer.Res r = api.get(admin, "/api/v1/admin/stats");
            assertEquals(200, r.status(), r.body());
            JsonNode d = r.data();
            assertEquals(3, d.at("/users/total").asLong(), r.body());
            assertEquals(2, d.at("/users/active30d").asLong(), "admin and alice used sessions, bob did not: " + r.body());
            assertEquals(2, d.at("/requests/total").asLong());
            assertEquals(1, d.at("/requests/pending").asLong());
            assertEquals(0, d.at("/downloads/total").asLong());
            assertEquals(0, d.at("/downloads/active").asLong());
            assertEquals(403, api.get(alice, "/api/v1/admin/stats").status());
        }
    }
}
