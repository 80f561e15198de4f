package app.medianest.server.requests;

import app.medianest.model.Role;
import app.medianest.server.testing.Api;
import app.medianest.server.testing.Api.Caller;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.Fixtures;
import app.medianest.server.testing.ManualClock;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import app.medianest.server.users.User;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static app.medianest.server.testing.Api.assertError;
import static app.medianest.server.testing.Api.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quotas and auto-approval through the HTTP API, on H2 and PostgreSQL, with a manual clock moving the rolling
 * window: the 403 QUOTA_EXCEEDED body, declined requests not counting, tv counting seasons, admins exempt,
 * per-user overrides, and auto-approval by role and by user.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class RequestRulesHttpTest {
    private static final Map<DbKind, TestDatabase> DBS = new EnumMap<>(DbKind.class);
    private static final Map<DbKind, TestServer> SERVERS = new EnumMap<>(DbKind.class);
    private static final Map<DbKind, ManualClock> CLOCKS = new EnumMap<>(DbKind.class);
    private static final String REQUESTS = "/api/v1/media/requests";

    @Parameter
    DbKind kind;

    private TestServer server;
    private ManualClock clock;
    private Api api;
    private Caller admin;
    private Caller alice;

    @AfterAll
    static void close() {
        SERVERS.values().forEach(TestServer::close);
        DBS.values().forEach(TestDatabase::close);
        SERVERS.clear();
        DBS.clear();
    }

    @BeforeEach
    void start() {
        TestDatabase db = DBS.computeIfAbsent(kind, TestDatabase::create);
        clock = CLOCKS.computeIfAbsent(kind, k -> ManualClock.at("2026-03-01T12:00:00Z"));
        server = SERVERS.computeIfAbsent(kind, k -> TestServer.start(db, clock, Map.of()));
        db.truncateAll();
        server.server().components().appSettings().put(RequestRulesStore.SETTING, "{}");
        api = new Api(server);
        admin = signIn("root", Role.ADMIN);
        alice = signIn("alice", Role.USER);
    }

    /** A 30-day session, so moving the clock by a week keeps it valid. */
    private Caller signIn(String name, Role role) {
        User u = Fixtures.user(server.server().components().database().jdbc(), name, role);
        return new Caller(u.id(), name, server.server().components().sessions().issue(u.id(), true, "127.0.0.1",
                "test").token());
    }

    private TestServer.Res put(Caller c, String path, String body) {
        return server.send("PUT", path, body, c.auth());
    }

    private TestServer.Res movie(Caller c, int tmdbId) {
        return api.post(c, REQUESTS, "{\"mediaType\":\"movie\",\"tmdbId\":" + tmdbId + "}");
    }

    private TestServer.Res tv(Caller c, int tmdbId, String seasons) {
        return api.post(c, REQUESTS, "{\"mediaType\":\"tv\",\"tmdbId\":" + tmdbId + ",\"seasons\":" + seasons + "}");
    }

    @Test
    void movieQuotaRefusesWithTheCountAndTheNextSlotAndTheRollingWindowFreesIt() {
        assertEquals(200, put(admin, "/api/v1/admin/request-rules", "{\"movieLimit\":2,\"movieDays\":7}").status());
        Instant first = clock.instant();
        assertEquals(201, movie(alice, 1).status());
        clock.advance(Duration.ofDays(2));
        assertEquals(201, movie(alice, 2).status());
        JsonNode q = api.get(alice, "/api/v1/me/quota").data();
        assertEquals(2, q.at("/movie/limit").asInt());
        assertEquals(2, q.at("/movie/used").asInt());
        assertEquals(0, q.at("/movie/remaining").asInt());
        assertEquals(first.plus(Duration.ofDays(7)).toString(), q.at("/movie/nextSlotAt").asText());
        assertTrue(q.at("/tv/limit").isNull(), "tv has no limit: " + q);

        clock.advance(Duration.ofDays(1));
        TestServer.Res refused = movie(alice, 3);
        assertError(refused, 403, "QUOTA_EXCEEDED");
        JsonNode d = refused.json().at("/error/details");
        assertEquals("movie", d.get("mediaType").asText());
        assertEquals(2, d.get("limit").asInt());
        assertEquals(7, d.get("days").asInt());
        assertEquals(0, d.get("remaining").asInt());
        assertEquals(first.plus(Duration.ofDays(7)).toString(), d.get("nextSlotAt").asText());
        assertEquals(2, api.get(alice, REQUESTS).data().size(), "the refused request was not stored");

        clock.advance(Duration.ofDays(4).minusSeconds(1));
        assertError(movie(alice, 3), 403, "QUOTA_EXCEEDED");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(201, movie(alice, 3).status(), "the first request left the 7-day window");
        assertError(movie(alice, 4), 403, "QUOTA_EXCEEDED");
    }

    @Test
    void declinedRequestsDoNotCountAndAdminsAreExempt() {
        put(admin, "/api/v1/admin/request-rules", "{\"movieLimit\":1,\"movieDays\":30}");
        String id = movie(alice, 10).data().get("id").asText();
        assertError(movie(alice, 11), 403, "QUOTA_EXCEEDED");
        assertEquals(200, api.post(admin, REQUESTS.replace("/media/requests", "/admin/requests") + "/" + id
                + "/decline", "{\"reason\":\"no\"}").status());
        assertEquals(201, movie(alice, 11).status(), "the declined request no longer counts");

        for (int i = 0; i < 3; i++) {
            assertEquals(201, movie(admin, 20 + i).status(), "admins are exempt");
        }
        assertTrue(api.get(admin, "/api/v1/me/quota").data().get("exempt").asBoolean());
    }

    @Test
    void tvCountsSeasons() {
        put(admin, "/api/v1/admin/request-rules", "{\"tvLimit\":3,\"tvDays\":7}");
        assertEquals(201, tv(alice, 100, "[1,2]").status());
        TestServer.Res refused = tv(alice, 101, "[1,2]");
        assertError(refused, 403, "QUOTA_EXCEEDED");
        assertEquals(1, refused.json().at("/error/details/remaining").asInt());
        assertEquals(2, refused.json().at("/error/details/requested").asInt());
        assertEquals(201, tv(alice, 101, "[1]").status(), "one season still fits");
        assertEquals(3, api.get(alice, "/api/v1/me/quota").data().at("/tv/used").asInt());
        assertEquals(201, movie(alice, 5).status(), "movies have no limit");
    }

    @Test
    void perUserOverridesReplaceTheDefault() {
        put(admin, "/api/v1/admin/request-rules", "{\"movieLimit\":1,\"movieDays\":7}");
        Caller bob = signIn("bob", Role.USER);
        assertEquals(200, put(admin, "/api/v1/admin/users/" + bob.id() + "/request-rules",
                "{\"movieLimit\":0}").status());
        assertEquals(200, put(admin, "/api/v1/admin/users/" + alice.id() + "/request-rules",
                "{\"movieLimit\":3}").status());
        for (int i = 0; i < 5; i++) {
            assertEquals(201, movie(bob, 200 + i).status(), "0 is unlimited for bob");
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(201, movie(alice, 300 + i).status());
        }
        assertError(movie(alice, 303), 403, "QUOTA_EXCEEDED");
        assertEquals(3, api.get(admin, "/api/v1/admin/users/" + alice.id() + "/request-rules").data()
                .get("movieLimit").asInt());
        Caller carol = signIn("carol", Role.USER);
        assertEquals(201, movie(carol, 400).status());
        assertError(movie(carol, 401), 403, "QUOTA_EXCEEDED");
    }

    @Test
    void autoApprovalByRoleAndByUser() {
        put(admin, "/api/v1/admin/request-rules", "{\"autoApproveMovie\":[\"user\"]}");
        assertEquals("approved", movie(alice, 500).data().get("status").asText());
        assertEquals("pending", tv(alice, 501, "[1]").data().get("status").asText());
        put(admin, "/api/v1/admin/users/" + alice.id() + "/request-rules", "{\"autoApproveTv\":true}");
        assertEquals("approved", tv(alice, 502, "[1]").data().get("status").asText());
        Caller bob = signIn("bob", Role.USER);
        put(admin, "/api/v1/admin/users/" + bob.id() + "/request-rules", "{\"autoApproveMovie\":false}");
        assertEquals("pending", movie(bob, 503).data().get("status").asText());
        assertEquals("approved", api.get(alice, REQUESTS + "?status=approved").data().get(0).get("status").asText());
        assertTrue(api.get(alice, "/api/v1/me/quota").data().at("/movie/autoApprove").asBoolean());
    }

    @Test
    void badRulesAre400AndChangeNothing() {
        put(admin, "/api/v1/admin/request-rules", "{\"movieLimit\":4}");
        assertInvalid(put(admin, "/api/v1/admin/request-rules", "{\"movieLimit\":-1}"), "movieLimit");
        assertInvalid(put(admin, "/api/v1/admin/request-rules", "{\"tvDays\":0}"), "tvDays");
        assertInvalid(put(admin, "/api/v1/admin/request-rules", "{\"autoApproveTv\":[\"owner\"]}"),
                "autoApproveTv[0]");
        assertEquals(4, api.get(admin, "/api/v1/admin/request-rules").data().get("movieLimit").asInt());
        assertError(put(alice, "/api/v1/admin/request-rules", "{\"movieLimit\":0}"), 403, "FORBIDDEN");
        assertError(put(admin, "/api/v1/admin/users/" + java.util.UUID.randomUUID() + "/request-rules", "{}"), 404,
                "USER_NOT_FOUND");
    }
}
