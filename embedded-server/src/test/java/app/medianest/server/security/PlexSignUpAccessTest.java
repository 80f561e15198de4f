package app.medianest.server.security;

import app.medianest.fakes.FakePlex;
import app.medianest.fakes.FakePlexTv;
import app.medianest.fakes.PlexAccount;
import app.medianest.server.testing.Api;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Findings 7 and 8: Plex sign-up admits only the Plex server's owner and the accounts it is shared with
 * (plex.tv's shared-user list, as Overseerr's checkUserAccess), unless the setting allows any account; and the
 * anonymous routes that call plex.tv are rate limited per address.
 */
class PlexSignUpAccessTest {
    @Test
    void onlyTheOwnerAndSharedAccountsMaySignUpAndPinCallsAreLimited() throws Exception {
        try (FakePlexTv plexTv = FakePlexTv.start(); FakePlex plex = FakePlex.start();
             TestDatabase db = TestDatabase.create(DbKind.H2)) {
            PlexAccount owner = PlexAccount.of("owner", FakePlex.DEFAULT_TOKEN);
            plexTv.addAccount(owner);
            PlexAccount friend = PlexAccount.of("friend", "friend-token");
            PlexAccount otherServersFriend = PlexAccount.of("elsewhere", "elsewhere-token");
            PlexAccount stranger = PlexAccount.of("stranger", "stranger-token");
            plexTv.shareServer(owner.authToken(), friend, plex.machineIdentifier(), "Home");
            plexTv.shareServer(owner.authToken(), otherServersFriend, "another-machine-id", "Cabin");
            Map<String, String> settings = new HashMap<>(Map.of("plextv.url", plexTv.baseUrl(), "plex.url",
                    plex.baseUrl(), "plex.token", FakePlex.DEFAULT_TOKEN, "auth.plex.pin-create-limit", "4",
                    "auth.plex.pin-poll-limit", "6"));
            try (TestServer server = TestServer.start(db, Clock.systemUTC(), settings)) {
                var jdbc = server.server().components().database().jdbc();
                Api.assertError(signIn(server, plexTv, stranger), 403, "PLEX_ACCESS_DENIED");
                Api.assertError(signIn(server, plexTv, otherServersFriend), 403, "PLEX_ACCESS_DENIED");
                assertEquals(0, jdbc.queryLong("SELECT COUNT(*) AS n FROM users WHERE plex_id IS NOT NULL"),
                        "no refused account was created");
                assertEquals(200, signIn(server, plexTv, friend).status());
                assertEquals(200, signIn(server, plexTv, owner).status());
                assertEquals(2, jdbc.queryLong("SELECT COUNT(*) AS n FROM users WHERE plex_id IS NOT NULL"));

                // Four PINs from this address were created above (the limit); the next is refused, another
                // address is not.
                TestServer.Res fifth = server.post("/api/v1/auth/plex/pin", null);
                Api.assertError(fifth, 429, "RATE_LIMITED");
                HttpResponse<String> other = postFrom(server, "127.0.0.9", "/api/v1/auth/plex/pin");
                assertEquals(201, other.statusCode());

                // Polls and verifications: four verifications above, two polls more reach the limit of six.
                String handle = new com.fasterxml.jackson.databind.ObjectMapper().readTree(other.body())
                        .at("/data/id").asText();
                assertEquals(200, server.get("/api/v1/auth/plex/pin/" + handle).status());
                assertEquals(200, server.get("/api/v1/auth/plex/pin/" + handle).status());
                Api.assertError(server.get("/api/v1/auth/plex/pin/" + handle), 429, "RATE_LIMITED");
            }
            settings.put("auth.plex.allow-any-account", "true");
            settings.put("auth.plex.pin-create-limit", "100");
            settings.put("auth.plex.pin-poll-limit", "100");
            try (TestServer server = TestServer.start(db, Clock.systemUTC(), settings)) {
                assertEquals(200, signIn(server, plexTv, stranger).status(), "the setting admits any account");
            }
        }
    }

    private static TestServer.Res signIn(TestServer server, FakePlexTv plexTv, PlexAccount account) {
        TestServer.Res pin = server.post("/api/v1/auth/plex/pin", null);
        assertEquals(201, pin.status(), pin.body());
        String id = pin.data().get("id").asText();
        plexTv.authorizePin(plexTv.lastPinId().getAsInt(), account);
        return server.post("/api/v1/auth/plex/verify", "{\"pinId\":\"" + id + "\"}");
    }

    private static HttpResponse<String> postFrom(TestServer server, String from, String path) throws Exception {
        try (HttpClient c = HttpClient.newBuilder().localAddress(InetAddress.getByName(from)).build()) {
            return c.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
