package app.medianest.server.requests;

import app.medianest.server.testing.Api;
import app.medianest.server.testing.Api.Caller;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.ServerPerKind;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static app.medianest.server.testing.Api.assertError;
import static app.medianest.server.testing.Api.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin request routes of the contract (list, approve, decline, bulk), over real HTTP, on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class AdminRequestsHttpTest {
    private static final ServerPerKind SERVERS = new ServerPerKind();
    private static final String ADMIN = "/api/v1/admin/requests";

    @Parameter
    DbKind kind;

    private Api api;
    private Caller alice;
    private Caller bob;
    private Caller admin;

    @AfterAll
    static void close() {
        SERVERS.close();
    }

    @BeforeEach
    void clean() {
        api = new Api(SERVERS.get(kind));
        SERVERS.db(kind).truncateAll();
        alice = api.user("alice");
        bob = api.user("bob");
        admin = api.admin("root");
    }

    @Test
    void adminRoutesAreForAdminsOnly() {
        String id = api.request(alice, "movie", 1, "A");
        assertError(api.get(alice, ADMIN), 403, "FORBIDDEN");
        assertError(api.post(alice, ADMIN + "/" + id + "/approve", null), 403, "FORBIDDEN");
        assertError(api.post(alice, ADMIN + "/" + id + "/decline", null), 403, "FORBIDDEN");
        assertError(api.post(alice, ADMIN + "/bulk", "{\"ids\":[\"" + id + "\"],\"action\":\"approve\"}"), 403,
                "FORBIDDEN");
        assertError(api.server().get(ADMIN), 401, "UNAUTHORIZED");
        assertError(api.server().post(ADMIN + "/" + id + "/approve", null), 401, "UNAUTHORIZED");
        assertEquals("pending", api.get(alice, "/api/v1/media/requests/" + id).data().get("status").asText());
    }

    @Test
    void adminListShowsEveryoneAndFiltersByUser() {
        api.request(alice, "movie", 1, "A");
        api.request(bob, "movie", 2, "B");
        api.request(bob, "tv", 3, "C");
        var all = api.get(admin, ADMIN);
        assertEquals(200, all.status(), all.body());
        assertEquals(3, all.data().size());
        assertEquals("private, max-age=0, must-revalidate", all.header("Cache-Control"));
        var bobs = api.get(admin, ADMIN + "?userId=" + bob.id() + "&mediaType=movie");
        assertEquals(1, bobs.data().size());
        assertEquals("B", bobs.data().get(0).get("title").asText());
        assertEquals(0, api.get(admin, ADMIN + "?userId=" + UUID.randomUUID()).data().size());
        assertInvalid(api.get(admin, ADMIN + "?userId=bob"), "userId");
        var page = api.get(admin, ADMIN + "?limit=2&sort=title&order=asc");
        assertEquals(2, page.data().size());
        var next = api.get(admin, ADMIN + "?limit=2&sort=title&order=asc&cursor=" + page.json().at("/meta/nextCursor")
                .asText());
        assertEquals("C", next.data().get(0).get("title").asText());
        assertInvalid(api.get(admin, ADMIN + "?sort=title&cursor=" + page.json().at("/meta/nextCursor").asText()),
                "cursor");
    }

    @Test
    void approveMovesPendingToApprovedAndTellsTheRequester() {
        String id = api.request(alice, "movie", 603, "The Matrix");
        var r = api.post(admin, ADMIN + "/" + id + "/approve", null);
        assertEquals(200, r.status(), r.body());
        assertEquals("approved", r.data().get("status").asText());
        assertEquals(id, r.data().get("id").asText());
        assertError(api.post(admin, ADMIN + "/" + id + "/approve", null), 409, "INVALID_STATE");
        assertError(api.post(admin, ADMIN + "/" + id + "/decline", null), 409, "INVALID_STATE");
        assertError(api.post(admin, ADMIN + "/" + UUID.randomUUID() + "/approve", null), 404, "REQUEST_NOT_FOUND");
        assertError(api.post(admin, ADMIN + "/nope/approve", null), 404, "NOT_FOUND");
        JsonNode notes = api.get(alice, "/api/v1/dashboard/notifications").data();
        assertEquals(1, notes.size(), notes.toString());
        assertEquals("request.approved", notes.get(0).get("type").asText());
        assertEquals(id, notes.get(0).at("/data/requestId").asText());
    }

    @Test
    void declineStoresTheReasonAndTellsTheRequester() {
        String id = api.request(alice, "movie", 603, "The Matrix");
        var r = api.post(admin, ADMIN + "/" + id + "/decline", "{\"reason\":\"Already on the shelf\"}");
        assertEquals(200, r.status(), r.body());
        assertEquals("declined", r.data().get("status").asText());
        assertEquals("Already on the shelf", r.data().get("declineReason").asText());
        JsonNode note = api.get(alice, "/api/v1/dashboard/notifications").data().get(0);
        assertEquals("request.declined", note.get("type").asText());
        assertTrue(note.get("message").asText().contains("Already on the shelf"), note.toString());

        String other = api.request(alice, "movie", 604, "Reloaded");
        assertInvalid(api.post(admin, ADMIN + "/" + other + "/decline", "{\"reason\":\"" + "x".repeat(1001) + "\"}"),
                "reason");
        assertInvalid(api.post(admin, ADMIN + "/" + other + "/decline", "{\"reason\":42}"), "reason");
        assertError(api.post(admin, ADMIN + "/" + other + "/decline", "{\"reason\":"), 400, "BAD_JSON");
        var noBody = api.post(admin, ADMIN + "/" + other + "/decline", null);
        assertEquals(200, noBody.status(), noBody.body());
        assertTrue(noBody.data().get("declineReason").isNull());
    }

    @Test
    void bulkGivesOneResultPerIdInOrder() {
        String a = api.request(alice, "movie", 1, "A");
        String b = api.request(bob, "movie", 2, "B");
        String done = api.request(bob, "movie", 3, "C");
        api.post(admin, ADMIN + "/" + done + "/approve", null);
        String unknown = UUID.randomUUID().toString();
        var r = api.post(admin, ADMIN + "/bulk", "{\"ids\":[\"" + a + "\",\"" + unknown + "\",\"" + done + "\",\""
                + b + "\"],\"action\":\"decline\",\"reason\":\"Spring cleaning\"}");
        assertEquals(200, r.status(), r.body());
        JsonNode results = r.data().get("results");
        assertEquals(4, results.size());
        assertEquals(List.of(a, unknown, done, b), ids(results));
        assertTrue(results.get(0).get("ok").asBoolean());
        assertEquals("declined", results.get(0).get("status").asText());
        assertFalse(results.get(1).get("ok").asBoolean());
        assertEquals("REQUEST_NOT_FOUND", results.get(1).at("/error/code").asText());
        assertEquals("INVALID_STATE", results.get(2).at("/error/code").asText());
        assertTrue(results.get(3).get("ok").asBoolean());
        assertEquals(2, r.data().get("succeeded").asInt());
        assertEquals(2, r.data().get("failed").asInt());
        assertEquals("Spring cleaning", api.get(bob, "/api/v1/media/requests/" + b).data().get("declineReason")
                .asText());
        assertEquals("approved", api.get(bob, "/api/v1/media/requests/" + done).data().get("status").asText());
    }

    @Test
    void bulkApproveApprovesEveryPendingId() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api.request(alice, "movie", 10 + i, "M" + i));
        }
        var r = api.post(admin, ADMIN + "/bulk", "{\"ids\":" + json(ids) + ",\"action\":\"approve\"}");
        assertEquals(200, r.status(), r.body());
        assertEquals(5, r.data().get("succeeded").asInt());
        assertEquals(5, api.get(alice, "/api/v1/media/requests/counts").data().get("approved").asInt());
    }

    @Test
    void badBulkBodiesAre400AndChangeNothing() {
        String a = api.request(alice, "movie", 1, "A");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(UUID.randomUUID().toString());
        }
        assertInvalid(api.post(admin, ADMIN + "/bulk", "{\"ids\":" + json(many) + ",\"action\":\"approve\"}"), "ids");
        assertInvalid(api.post(admin, ADMIN + "/bulk", "{\"ids\":[],\"action\":\"approve\"}"), "ids");
        assertInvalid(api.post(admin, ADMIN + "/bulk", "{\"action\":\"approve\"}"), "ids");
        assertInvalid(api.post(admin, ADMIN + "/bulk", "{\"ids\":[\"" + a + "\"],\"action\":\"delete\"}"), "action");
        assertInvalid(api.post(admin, ADMIN + "/bulk", "{\"ids\":[\"" + a + "\"]}"), "action");
        assertInvalid(api.post(admin, ADMIN + "/bulk", "{\"ids\":[\"" + a + "\",\"" + a + "\"],\"action\":\"approve\"}"),
                "ids[1]");
        assertInvalid(api.post(admin, ADMIN + "/bulk", "{\"ids\":[\"" + a + "\",\"x\"],\"action\":\"approve\"}"),
                "ids[1]");
        assertInvalid(api.post(admin, ADMIN + "/bulk", "{\"ids\":[null],\"action\":\"approve\"}"), "ids[0]");
        assertError(api.post(admin, ADMIN + "/bulk", "[]"), 400, "VALIDATION_ERROR");
        assertEquals("pending", api.get(alice, "/api/v1/media/requests/" + a).data().get("status").asText());
    }

    @Test
    void adminsAreToldAboutNewRequestsButNotAboutTheirOwn() {
        Caller second = api.admin("second");
        api.request(alice, "movie", 1, "A");
        api.request(admin, "movie", 2, "B");
        JsonNode mine = api.get(admin, "/api/v1/dashboard/notifications").data();
        assertEquals(1, mine.size(), mine.toString());
        assertEquals("request.created", mine.get(0).get("type").asText());
        assertTrue(mine.get(0).get("message").asText().contains("alice"));
        assertEquals(2, api.get(second, "/api/v1/dashboard/notifications").data().size());
        assertEquals(0, api.get(alice, "/api/v1/dashboard/notifications").data().size());
    }

    private static List<String> ids(JsonNode results) {
        List<String> out = new ArrayList<>();
        results.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    private static String json(List<String> ids) {
        return ids.stream().map(s -> "\"" + s + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
