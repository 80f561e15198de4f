package app.medianest.server.auth;

import app.medianest.fakes.FakePlexTv;
import app.medianest.fakes.PlexAccount;
import app.medianest.server.testing.Accounts;
import app.medianest.server.testing.DatabasePerKind;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plex.tv PIN sign-in end to end against a fake plex.tv over real HTTP. */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class PlexSignInTest {
    private static final DatabasePerKind DATABASES = new DatabasePerKind();

    @Parameter
    DbKind kind;

    private FakePlexTv plexTv;
    private TestServer server;

    @BeforeEach
    void start() {
        plexTv = FakePlexTv.start();
        var db = DATABASES.get(kind);
        db.truncateAll();
        server = TestServer.start(db, Clock.systemUTC(), Map.of("plextv.url", plexTv.baseUrl(),
                // No Plex server here: let any plex.tv account sign up (PlexSignUpAccessTest covers the check).
                "auth.plex.allow-any-account", "true"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        plexTv.close();
    }

    @AfterAll
    static void closeAll() {
        DATABASES.close();
    }

    private String signIn(PlexAccount account) {
        var pin = server.post("/api/v1/auth/plex/pin", null);
        assertEquals(201, pin.status(), pin.body());
        String id = pin.data().get("id").asText();
        assertTrue(pin.data().get("linkUrl").asText().startsWith("https://app.plex.tv/auth/#!?clientID="));
        assertFalse(id.matches("\\d+"), "plex.tv's sequential PIN id is not exposed");

        var waiting = server.get("/api/v1/auth/plex/pin/" + id);
        assertEquals(200, waiting.status());
        assertFalse(waiting.data().get("authorized").asBoolean());
        var early = server.post("/api/v1/auth/plex/verify", "{\"pinId\":\"" + id + "\"}");
        assertEquals(400, early.status());
        assertEquals("PIN_NOT_AUTHORIZED", early.errorCode());

        plexTv.authorizePin(plexTv.lastPinId().getAsInt(), account);
        assertTrue(server.get("/api/v1/auth/plex/pin/" + id).data().get("authorized").asBoolean());
        var verified = server.post("/api/v1/auth/plex/verify", "{\"pinId\":\"" + id + "\"}");
        assertEquals(200, verified.status(), verified.body());
        assertEquals("user", verified.data().at("/user/role").asText());
        assertFalse(verified.body().contains(account.authToken()), "the Plex token is never returned");
        String token = verified.data().get("token").asText();
        assertEquals(200, server.get("/api/v1/auth/session", Accounts.bearer(token)).status());
        return verified.data().at("/user/id").asText();
    }

    @Test
    void pinFlowCreatesTheUserOnceAndUpdatesItOnTheNextSignIn() {
        PlexAccount account = PlexAccount.of("plexfan", "plex-token-abc123");
        String first = signIn(account);
        String second = signIn(account);
        assertEquals(first, second, "the same Plex account maps to the same user");
        var jdbc = server.server().components().database().jdbc();
        assertEquals(1, jdbc.queryLong("SELECT COUNT(*) AS n FROM users WHERE plex_id IS NOT NULL"));
        String stored = jdbc.queryOne("SELECT plex_token_enc FROM users WHERE plex_id IS NOT NULL",
                r -> r.string("plex_token_enc")).orElseThrow();
        assertNotEquals(account.authToken(), stored);
        assertFalse(stored.contains(account.authToken()), "stored encrypted");
        assertEquals(account.authToken(), server.server().components().secretBox().decrypt(stored));
    }

    @Test
    void newPlexSignInsCanBeTurnedOff() {
        String admin = Accounts.setupAdmin(server, "admin");
        assertEquals(200, server.send("PUT", "/api/v1/admin/settings", "{\"plexNewUsersAllowed\":false}",
                Accounts.bearer(admin)).status());
        var pin = server.post("/api/v1/auth/plex/pin", null);
        String id = pin.data().get("id").asText();
        plexTv.authorizePin(plexTv.lastPinId().getAsInt(), PlexAccount.of("stranger", "tok-stranger-1"));
        var r = server.post("/api/v1/auth/plex/verify", "{\"pinId\":\"" + id + "\"}");
        assertEquals(403, r.status());
        assertEquals("PLEX_SIGNUP_DISABLED", r.errorCode());
    }

    @Test
    void unknownPinAndDeadPlexTvAreClearErrors() {
        assertEquals(404, server.get("/api/v1/auth/plex/pin/pin_doesnotexist").status());
        assertEquals(404, server.post("/api/v1/auth/plex/verify", "{\"pinId\":\"nope\"}").status());
        plexTv.refuseConnections();
        var r = server.post("/api/v1/auth/plex/pin", null);
        assertEquals(503, r.status());
        assertEquals("SERVICE_UNAVAILABLE", r.errorCode());
    }
}
