package app.medianest.server.auth;

import app.medianest.fakes.FakePlexTv;
import app.medianest.fakes.PlexAccount;
import app.medianest.server.logging.LogSetup;
import app.medianest.server.testing.Accounts;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static app.medianest.server.testing.Accounts.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full cycle (setup, sign-in, API key, Plex sign-in, password change, bad sign-ins, logout) with every log
 * record and response body captured: no password, session token, API key or Plex token appears anywhere
 * except the single response that hands a token to its owner.
 */
class SecretsNeverLeakTest {
    private final List<String> logs = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new ArrayList<>();

    private TestServer.Res keep(TestServer.Res r) {
        bodies.add(r.body() + " " + r.headers());
        return r;
    }

    @Test
    void noSecretAppearsInLogsOrResponses() {
        Handler capture = new Handler() {
            private final LogSetup.OneLine format = new LogSetup.OneLine();

            @Override
            public void publish(LogRecord record) {
                logs.add(format.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        String adminPassword = Accounts.PASSWORD;
        String newPassword = "brand new passphrase 42";
        String plexToken = "PLEXTOKEN-zz9-plural-z-alpha";
        List<String> issued = new ArrayList<>();
        try (FakePlexTv plexTv = FakePlexTv.start(); TestDatabase db = TestDatabase.create(DbKind.H2);
             TestServer server = TestServer.start(db, Clock.systemUTC(), Map.of("plextv.url", plexTv.baseUrl(),
                // No Plex server here: let any plex.tv account sign up (PlexSignUpAccessTest covers the check).
                "auth.plex.allow-any-account", "true"))) {
            String setupToken = server.server().components().accounts().setupToken().orElseThrow();
            var setup = server.post("/api/v1/auth/setup", "{\"username\":\"root\",\"password\":\"" + adminPassword
                    + "\",\"setupToken\":\"" + setupToken + "\"}");
            String admin = setup.data().get("token").asText();
            issued.add(admin);
            var login = server.post("/api/v1/auth/login", "{\"username\":\"root\",\"password\":\"" + adminPassword
                    + "\"}");
            String session = login.data().get("token").asText();
            issued.add(session);
            keep(server.get("/api/v1/auth/session", bearer(session)));
            var key = server.post("/api/v1/admin/api-keys", "{\"name\":\"bot\",\"role\":\"admin\"}", bearer(admin));
            String apiKey = key.data().get("key").asText();
            issued.add(apiKey);
            keep(server.get("/api/v1/admin/api-keys", "X-Api-Key", apiKey));
            keep(server.get("/api/v1/admin/users", "X-Api-Key", apiKey));
            var pin = keep(server.post("/api/v1/auth/plex/pin", null));
            plexTv.authorizePin(plexTv.lastPinId().getAsInt(), PlexAccount.of("plexuser", plexToken));
            var plex = server.post("/api/v1/auth/plex/verify", "{\"pinId\":\"" + pin.data().get("id").asText()
                    + "\"}");
            assertFalse(plex.body().contains(plexToken));
            issued.add(plex.data().get("token").asText());
            keep(server.get("/api/v1/admin/users", bearer(admin)));
            keep(server.post("/api/v1/auth/login", "{\"username\":\"root\",\"password\":\"" + newPassword + "\"}"));
            keep(server.post("/api/v1/auth/login", "{\"username\":\"" + adminPassword + "\",\"password\":\""
                    + adminPassword + "\"}"));
            keep(server.post("/api/v1/auth/password", "{\"currentPassword\":\"" + adminPassword
                    + "\",\"newPassword\":\"" + newPassword + "\"}", bearer(session)));
            keep(server.get("/api/v1/auth/session", bearer(session)));
            keep(server.post("/api/v1/auth/logout", null, bearer(admin)));
            keep(server.get("/api/v1/auth/session", "Authorization", "Bearer " + session + "x"));
            keep(server.get("/api/v1/auth/session", "X-Api-Key", apiKey + "x"));
            server.server().components().sessions().flushLastUsed();

            var jdbc = server.server().components().database().jdbc();
            String dump = String.join("\n", jdbc.query("SELECT token_hash FROM session_tokens", r -> r.string(
                    "token_hash"))) + jdbc.query("SELECT key_hash FROM api_keys", r -> r.string("key_hash"))
                    + jdbc.query("SELECT COALESCE(password_hash, '') || COALESCE(plex_token_enc, '') AS s FROM users",
                    r -> r.string("s"));
            for (String secret : secrets(issued, adminPassword, newPassword, plexToken)) {
                assertFalse(dump.contains(secret), "stored in clear: " + secret.substring(0, 6));
            }
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        assertTrue(logs.size() > 3, "the cycle was logged: " + logs.size());
        assertTrue(bodies.size() > 10);
        for (String secret : secrets(issued, adminPassword, newPassword, plexToken)) {
            for (String line : logs) {
                assertFalse(line.contains(secret), "secret in a log line: " + line);
            }
            for (String body : bodies) {
                assertFalse(body.contains(secret), "secret in a response: " + body);
            }
        }
        assertEquals(4, issued.size());
    }

    private static List<String> secrets(List<String> issued, String... more) {
        List<String> all = new ArrayList<>(issued);
        all.addAll(List.of(more));
        return all;
    }
}
