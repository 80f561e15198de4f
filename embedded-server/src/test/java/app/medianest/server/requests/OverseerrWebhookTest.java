package app.medianest.server.requests;

import app.medianest.fakes.OverseerrUser;
import app.medianest.fakes.OverseerrWebhook;
import app.medianest.fakes.SampleCatalog;
import app.medianest.fakes.SampleTitle;
import app.medianest.server.testing.Api;
import app.medianest.server.testing.Api.Caller;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.ServerPerKind;
import app.medianest.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import static app.medianest.server.testing.Api.assertError;
import static app.medianest.server.testing.Api.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v1/webhooks/overseerr} with the payloads Overseerr really sends, on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class OverseerrWebhookTest {
    private static final String SECRET = "s3cret-webhook-value";
    private static final ServerPerKind SERVERS = new ServerPerKind(Map.of("overseerr.webhook-secret", SECRET));
    private static final String HOOK = "/api/v1/webhooks/overseerr";
    private static final SampleCatalog CATALOG = SampleCatalog.standard();
    private static final OverseerrUser OVERSEERR_ALICE = new OverseerrUser(5, "alice", "alice@example.home", false);

    @Parameter
    DbKind kind;

    private Api api;
    private Caller alice;
    private SampleTitle movie;
    private SampleTitle show;

    @AfterAll
    static void close() {
        SERVERS.close();
    }

    @BeforeEach
    void clean() {
        api = new Api(SERVERS.get(kind));
        SERVERS.db(kind).truncateAll();
        alice = api.user("alice");
        movie = CATALOG.movies().getFirst();
        show = CATALOG.shows().getFirst();
    }

    @Test
    void aWrongOrMissingSecretIs401() throws Exception {
        String body = OverseerrWebhook.testNotification();
        assertError(api.server().post(HOOK, body), 401, "UNAUTHORIZED");
        assertError(api.server().post(HOOK, body, "Authorization", "Bearer wrong"), 401, "UNAUTHORIZED");
        assertError(api.server().post(HOOK, body, "Authorization", SECRET + "x"), 401, "UNAUTHORIZED");
        assertError(api.server().post(HOOK, "{broken", "Authorization", "nope"), 401, "UNAUTHORIZED");
        assertEquals(200, post(SECRET, body));
        assertEquals(200, post("Bearer " + SECRET, body));
    }

    @Test
    void withNoSecretConfiguredEveryCallIs401() {
        // Its own database: one MediaNest server per PostgreSQL database (the class's server holds the lock).
        try (app.medianest.server.testing.TestDatabase own = app.medianest.server.testing.TestDatabase.create(kind);
             TestServer bare = TestServer.start(own, Clock.systemUTC(), Map.of())) {
            assertError(bare.post(HOOK, OverseerrWebhook.testNotification()), 401, "UNAUTHORIZED");
            assertError(bare.post(HOOK, OverseerrWebhook.testNotification(), "Authorization", ""), 401,
                    "UNAUTHORIZED");
            assertError(bare.post(HOOK, OverseerrWebhook.testNotification(), "Authorization", "Bearer "), 401,
                    "UNAUTHORIZED");
        }
    }

    @Test
    void badBodiesAre400() {
        assertError(hook("{\"notification_type\":"), 400, "BAD_JSON");
        assertError(hook(""), 400, "BAD_JSON");
        assertInvalid(hook("[1,2]"), "body");
        assertInvalid(hook("{\"subject\":\"x\"}"), "notification_type");
        assertInvalid(hook("{\"notification_type\":42}"), "notification_type");
    }

    @Test
    void testAndUnknownNotificationsAreAcceptedAndIgnored() {
        var test = hook(OverseerrWebhook.testNotification());
        assertEquals(200, test.status(), test.body());
        assertFalse(test.data().get("handled").asBoolean());
        for (String type : new String[] {"ISSUE_CREATED", "MEDIA_PENDING", "SOMETHING_NEW_IN_V2"}) {
            var r = hook("{\"notification_type\":\"" + type + "\",\"media\":null,\"request\":null}");
            assertEquals(200, r.status(), type + ": " + r.body());
            assertFalse(r.data().get("handled").asBoolean(), type);
        }
    }

    @Test
    void approvedThenAvailableMoveTheRequestAndTellTheRequester() throws Exception {
        String id = api.request(alice, "movie", movie.tmdbId(), movie.title());
        var approved = hook(OverseerrWebhook.of(OverseerrWebhook.Type.MEDIA_APPROVED, movie, 42, OVERSEERR_ALICE)
                .toJson());
        assertEquals(200, approved.status(), approved.body());
        assertTrue(approved.data().get("handled").asBoolean(), approved.body());
        assertEquals(id, approved.data().get("requestId").asText());
        assertEquals("approved", status(id));
        // Now linked to Overseerr request 42: found by that id even with a payload naming other media.
        var available = hook("{\"notification_type\":\"MEDIA_AVAILABLE\",\"event\":\"Movie Request Now Available\","
                + "\"media\":{\"media_type\":\"movie\",\"tmdbId\":\"\",\"status\":\"AVAILABLE\"},"
                + "\"request\":{\"request_id\":\"42\"},\"issue\":null,\"comment\":null,\"extra\":[]}");
        assertTrue(available.data().get("handled").asBoolean(), available.body());
        assertEquals("available", status(id));
        JsonNode notes = api.get(alice, "/api/v1/dashboard/notifications").data();
        assertEquals("request.available", notes.get(0).get("type").asText());
        assertEquals("request.approved", notes.get(1).get("type").asText());
        var again = hook(OverseerrWebhook.of(OverseerrWebhook.Type.MEDIA_APPROVED, movie, 42, OVERSEERR_ALICE)
                .toJson());
        assertEquals(200, again.status());
        assertFalse(again.data().get("handled").asBoolean(), "no going back from available");
        assertEquals("available", status(id));
    }

    @Test
    void declinedFailedAndAutoApprovedMapOntoStatuses() {
        String declined = api.request(alice, "tv", show.tmdbId(), show.title());
        hook(OverseerrWebhook.of(OverseerrWebhook.Type.MEDIA_DECLINED, show, 7, OVERSEERR_ALICE).toJson());
        assertEquals("declined", status(declined));
        assertEquals("Declined in Overseerr", api.get(alice, "/api/v1/media/requests/" + declined).data()
                .get("declineReason").asText());

        String failed = api.request(alice, "movie", movie.tmdbId(), movie.title());
        hook(OverseerrWebhook.of(OverseerrWebhook.Type.MEDIA_FAILED, movie, 8, OVERSEERR_ALICE).toJson());
        assertEquals("failed", status(failed));

        SampleTitle other = CATALOG.movies().get(1);
        String auto = api.request(alice, "movie", other.tmdbId(), other.title());
        hook(OverseerrWebhook.of(OverseerrWebhook.Type.MEDIA_AUTO_APPROVED, other, 9, OVERSEERR_ALICE).toJson());
        assertEquals("approved", status(auto));
    }

    @Test
    void fourKAndUnmatchedNotificationsChangeNothing() {
        String id = api.request(alice, "movie", movie.tmdbId(), movie.title());
        var fourK = hook(OverseerrWebhook.of(OverseerrWebhook.Type.MEDIA_APPROVED, movie, 1, OVERSEERR_ALICE).as4k()
                .toJson());
        assertEquals(200, fourK.status());
        assertFalse(fourK.data().get("handled").asBoolean());
        var unmatched = hook(OverseerrWebhook.of(OverseerrWebhook.Type.MEDIA_APPROVED, CATALOG.movies().get(2), 2,
                OVERSEERR_ALICE).toJson());
        assertEquals(200, unmatched.status());
        assertFalse(unmatched.data().get("handled").asBoolean());
        assertEquals("pending", status(id));
    }

    @Test
    void aRequestLinkedToAnotherOverseerrRequestIsNotMatchedByMedia() {
        String id = api.request(alice, "movie", movie.tmdbId(), movie.title());
        hook(OverseerrWebhook.of(OverseerrWebhook.Type.MEDIA_APPROVED, movie, 42, OVERSEERR_ALICE).toJson());
        var other = hook(OverseerrWebhook.of(OverseerrWebhook.Type.MEDIA_FAILED, movie, 43, OVERSEERR_ALICE).toJson());
        assertFalse(other.data().get("handled").asBoolean(), other.body());
        assertEquals("approved", status(id));
    }

    private String status(String id) {
        return api.get(alice, "/api/v1/media/requests/" + id).data().get("status").asText();
    }

    private TestServer.Res hook(String body) {
        return api.server().post(HOOK, body, "Authorization", SECRET);
    }

    private int post(String authorization, String body) throws Exception {
        return OverseerrWebhook.post(URI.create(api.server().url(HOOK)), authorization, body);
    }
}
