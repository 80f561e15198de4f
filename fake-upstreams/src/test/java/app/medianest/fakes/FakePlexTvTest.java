package app.medianest.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakePlexTvTest {

    private static final String[] CLIENT = {
        "Accept", "application/json", "X-Plex-Client-Identifier", "6f1c-medianest", "X-Plex-Product", "MediaNest"};

    private final MutableClock clock = new MutableClock(Instant.parse("2024-07-16T17:03:05Z"));
    private FakePlexTv plexTv;
    private Http http;

    @BeforeEach
    void start() {
        plexTv = FakePlexTv.start(0, clock);
        http = new Http();
    }

    @AfterEach
    void stop() {
        http.close();
        plexTv.close();
    }

    @Test
    void strongPinIsCreatedThenCarriesTheTokenOnceAuthorized() {
        HttpResponse<String> created = http.post(plexTv.uri("/api/v2/pins?strong=true"), "", CLIENT);
        JsonNode pin = Http.json(created);

        assertEquals(201, created.statusCode());
        assertEquals(25, pin.get("code").asText().length());
        assertEquals("MediaNest", pin.get("product").asText());
        assertEquals("6f1c-medianest", pin.get("clientIdentifier").asText());
        assertEquals("https://plex.tv/api/v2/pins/qr/" + pin.get("code").asText(), pin.get("qr").asText());
        assertEquals(1800, pin.get("expiresIn").asInt());
        assertEquals("2024-07-16T17:03:05Z", pin.get("createdAt").asText());
        assertEquals("2024-07-16T17:33:05Z", pin.get("expiresAt").asText());
        assertTrue(pin.get("authToken").isNull() && pin.get("newRegistration").isNull());
        int id = pin.get("id").asInt();
        assertTrue(poll(id).get("authToken").isNull());

        plexTv.authorizePin(id, PlexAccount.of("alice", "alice-token"));

        assertEquals("alice-token", poll(id).get("authToken").asText());
    }

    @Test
    void shortPinHasAFourCharacterCode() {
        JsonNode pin = Http.json(http.post(plexTv.uri("/api/v2/pins"), "", CLIENT));

        assertEquals(4, pin.get("code").asText().length());
        assertEquals(900, pin.get("expiresIn").asInt());
    }

    @Test
    void everyCallNeedsAClientIdentifier() {
        HttpResponse<String> rejected = http.post(plexTv.uri("/api/v2/pins?strong=true"), "");

        assertEquals(400, rejected.statusCode());
        assertEquals(1000, Http.json(rejected).at("/errors/0/code").asInt());
    }

    @Test
    void expiredOrUnknownPinsAre404() {
        int id = Http.json(http.post(plexTv.uri("/api/v2/pins?strong=true"), "", CLIENT)).get("id").asInt();
        clock.advance(Duration.ofSeconds(1800));

        HttpResponse<String> expired = http.get(plexTv.uri("/api/v2/pins/" + id), CLIENT);
        assertEquals(404, expired.statusCode());
        assertEquals(1020, Http.json(expired).at("/errors/0/code").asInt());
        assertEquals(404, http.get(plexTv.uri("/api/v2/pins/12345"), CLIENT).statusCode());
    }

    @Test
    void expirePinEndsItAtOnce() {
        int id = Http.json(http.post(plexTv.uri("/api/v2/pins"), "", CLIENT)).get("id").asInt();
        plexTv.expirePin(id);

        assertEquals(404, http.get(plexTv.uri("/api/v2/pins/" + id), CLIENT).statusCode());
    }

    @Test
    void userAccountLegacyAccountAndPingAnswerForAKnownToken() {
        plexTv.addAccount(PlexAccount.of("bob", "bob-token"));

        JsonNode user = Http.json(http.get(plexTv.uri("/api/v2/user"), with("X-Plex-Token", "bob-token")));
        assertEquals("bob", user.get("username").asText());
        assertEquals("bob@example.com", user.get("email").asText());
        assertEquals("bob-token", user.get("authToken").asText());
        assertTrue(user.get("subscription").isObject() && user.get("roles").isArray());
        JsonNode legacy = Http.json(http.get(plexTv.uri("/users/account.json?X-Plex-Token=bob-token"), CLIENT));
        assertEquals(user.get("id"), legacy.at("/user/id"));
        assertTrue(Http.json(http.get(plexTv.uri("/api/v2/ping"), with("X-Plex-Token", "bob-token")))
                .get("pong").asBoolean());
    }

    @Test
    void unknownAndRevokedTokensAre401() {
        plexTv.addAccount(PlexAccount.of("bob", "bob-token"));
        plexTv.revokeToken("bob-token");

        HttpResponse<String> rejected = http.get(plexTv.uri("/api/v2/user"), with("X-Plex-Token", "bob-token"));
        assertEquals(401, rejected.statusCode());
        assertEquals(1001, Http.json(rejected).at("/errors/0/code").asInt());
    }

    @Test
    void resourcesListTheServersWithTheirAccessTokenAndConnections() {
        try (FakePlex plex = FakePlex.start()) {
            plexTv.addServer(PlexServerResource.ownedBy(plex));
            plexTv.addAccount(PlexAccount.of("owner", "owner-token"));

            JsonNode devices = Http.json(http.get(plexTv.uri("/api/v2/resources?includeHttps=1&includeRelay=1"),
                    with("X-Plex-Token", "owner-token")));

            JsonNode server = devices.get(0);
            assertEquals("server", server.get("provides").asText());
            assertEquals(plex.machineIdentifier(), server.get("clientIdentifier").asText());
            assertEquals(plex.token(), server.get("accessToken").asText());
            assertTrue(server.get("owned").asBoolean());
            assertEquals(plex.baseUrl(), server.at("/connections/0/uri").asText());
            assertEquals(plex.port(), server.at("/connections/0/port").asInt());
            assertTrue(devices.get(1).get("provides").asText().contains("player"), "a non-server device is listed");
        }
    }

    @Test
    void autoAuthorizeApprovesPinsAfterTheDelay() {
        plexTv.autoAuthorize(PlexAccount.of("demo", "demo-token"), Duration.ofSeconds(3));
        int id = Http.json(http.post(plexTv.uri("/api/v2/pins?strong=true"), "", CLIENT)).get("id").asInt();
        assertTrue(poll(id).get("authToken").isNull());

        clock.advance(Duration.ofSeconds(3));

        assertEquals("demo-token", poll(id).get("authToken").asText());
    }

    private JsonNode poll(int id) {
        HttpResponse<String> response = http.get(plexTv.uri("/api/v2/pins/" + id), CLIENT);
        assertEquals(200, response.statusCode());
        return Http.json(response);
    }

    private static String[] with(String name, String value) {
        String[] headers = Arrays.copyOf(CLIENT, CLIENT.length + 2);
        headers[CLIENT.length] = name;
        headers[CLIENT.length + 1] = value;
        return headers;
    }

    @Test
    void sharedUserListNamesTheAccountsAServerIsSharedWith() {
        PlexAccount owner = PlexAccount.of("owner", "owner-token");
        PlexAccount friend = PlexAccount.of("friend", "friend-token");
        plexTv.addAccount(owner);
        plexTv.shareServer(owner.authToken(), friend, "machine-1", "Home");

        HttpResponse<String> list = http.get(plexTv.uri("/api/users"), "X-Plex-Client-Identifier", "6f1c-medianest",
                "X-Plex-Token", owner.authToken());
        assertEquals(200, list.statusCode());
        assertTrue(list.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        assertTrue(list.body().contains("<User id=\"" + friend.id() + "\""), list.body());
        assertTrue(list.body().contains("machineIdentifier=\"machine-1\""), list.body());

        HttpResponse<String> friendsOwn = http.get(plexTv.uri("/api/users"), "X-Plex-Client-Identifier",
                "6f1c-medianest", "X-Plex-Token", friend.authToken());
        assertTrue(!friendsOwn.body().contains("<User "), "the friend shares nothing: " + friendsOwn.body());
        assertEquals(401, http.get(plexTv.uri("/api/users"), "X-Plex-Client-Identifier", "6f1c-medianest",
                "X-Plex-Token", "unknown").statusCode());
    }
}
