package app.medianest.server.requests;

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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static app.medianest.server.testing.Api.assertError;
import static app.medianest.server.testing.Api.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user's request routes of the contract, over real HTTP, on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class RequestsHttpTest {
    private static final ServerPerKind SERVERS = new ServerPerKind();
    private static final String BASE = "/api/v1/media/requests";

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
        TestServer server = SERVERS.get(kind);
        SERVERS.db(kind).truncateAll();
        api = new Api(server);
        alice = api.user("alice");
        bob = api.user("bob");
        admin = api.admin("root");
    }

    @Test
    void createReturns201WithThePendingRequest() {
        var r = api.post(alice, BASE, "{\"mediaType\":\"movie\",\"tmdbId\":603,\"title\":\"The Matrix\"}");
        assertEquals(201, r.status(), r.body());
        JsonNode d = r.data();
        assertTrue(r.json().get("success").asBoolean());
        assertEquals(alice.id().toString(), d.get("userId").asText());
        assertEquals("alice", d.get("username").asText());
        assertEquals("movie", d.get("mediaType").asText());
        assertEquals(603, d.get("tmdbId").asInt());
        assertEquals("The Matrix", d.get("title").asText());
        assertEquals("pending", d.get("status").asText());
        assertEquals(0, d.get("seasons").size());
        assertTrue(d.get("declineReason").isNull());
        assertNotNull(d.get("createdAt").asText(null));
        assertEquals(d.get("createdAt"), d.get("updatedAt"));
    }

    @Test
    void missingTitleGetsAPlaceholderAndTvSeasonsAreSortedAndDistinct() {
        var r = api.post(alice, BASE, "{\"mediaType\":\"tv\",\"tmdbId\":1399,\"seasons\":[3,1,2]}");
        assertEquals(201, r.status(), r.body());
        assertEquals("TMDB tv 1399", r.data().get("title").asText());
        assertEquals("[1,2,3]", r.data().get("seasons").toString());
    }

    @Test
    void invalidCreateBodiesAre400WithTheFieldNamed() {
        assertInvalid(api.post(alice, BASE, "{\"mediaType\":\"book\",\"tmdbId\":1}"), "mediaType");
        assertInvalid(api.post(alice, BASE, "{\"tmdbId\":1}"), "mediaType");
        assertInvalid(api.post(alice, BASE, "{\"mediaType\":\"movie\"}"), "tmdbId");
        assertInvalid(api.post(alice, BASE, "{\"mediaType\":\"movie\",\"tmdbId\":0}"), "tmdbId");
        assertInvalid(api.post(alice, BASE, "{\"mediaType\":\"movie\",\"tmdbId\":-5}"), "tmdbId");
        assertInvalid(api.post(alice, BASE, "{\"mediaType\":\"movie\",\"tmdbId\":2147483648}"), "tmdbId");
        assertInvalid(api.post(alice, BASE, "{\"mediaType\":\"movie\",\"tmdbId\":\"603\"}"), "tmdbId");
        assertInvalid(api.post(alice, BASE, "{\"mediaType\":\"movie\",\"tmdbId\":1.5}"), "tmdbId");
        assertInvalid(api.post(alice, BASE, "{\"mediaType\":\"movie\",\"tmdbId\":1,\"title\":\"" + "x".repeat(501)
                + "\"}"), "title");
        assertInvalid(api.post(alice, BASE, "{\"mediaType\":\"movie\",\"tmdbId\":1,\"title\":\"a\\u0000b\"}"),
                "title");
        assertInvalid(api.post(alice, BASE, "{\"mediaType\":\"movie\",\"tmdbId\":1,\"title\":\"\\ud800\"}"), "title");
        assertInvalid(api.post(alice, BASE, "{\"mediaType\":\"movie\",\"tmdbId\":1,\"seasons\":[1]}"), "seasons");
        assertInvalid(api.post(alice, BASE, "{\"mediaType\":\"tv\",\"tmdbId\":1,\"seasons\":[1,1]}"), "seasons[1]");
        assertInvalid(api.post(alice, BASE, "{\"mediaType\":\"tv\",\"tmdbId\":1,\"seasons\":[0]}"), "seasons[0]");
        assertInvalid(api.post(alice, BASE, "{\"mediaType\":\"tv\",\"tmdbId\":1,\"seasons\":[\"a\"]}"), "seasons[0]");
        assertInvalid(api.post(alice, BASE, "{\"mediaType\":\"tv\",\"tmdbId\":1,\"seasons\":\"all\"}"), "seasons");
        assertError(api.post(alice, BASE, "{\"mediaType\":"), 400, "BAD_JSON");
        assertError(api.post(alice, BASE, ""), 400, "BAD_JSON");
        assertError(api.post(alice, BASE, "mediaType=movie", "Content-Type", "application/x-www-form-urlencoded"),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertEquals(0, api.get(alice, BASE).data().size(), "nothing was created");
    }

    @Test
    void titleThatGrowsWhenLowerCasedIsStillStored() {
        var r = api.post(alice, BASE, "{\"mediaType\":\"movie\",\"tmdbId\":7,\"title\":\"" + "\u0130".repeat(500)
                + "\"}");
        assertEquals(201, r.status(), r.body());
        assertEquals(500, r.data().get("title").asText().length());
    }

    @Test
    void routesNeedASignedInCaller() {
        assertError(api.server().post(BASE, "{\"mediaType\":\"movie\",\"tmdbId\":1}"), 401, "UNAUTHORIZED");
        assertError(api.server().get(BASE), 401, "UNAUTHORIZED");
        assertError(api.server().get(BASE + "/counts"), 401, "UNAUTHORIZED");
        assertError(api.server().get(BASE + "/" + alice.id()), 401, "UNAUTHORIZED");
        assertError(api.server().send("DELETE", BASE + "/" + alice.id(), null), 401, "UNAUTHORIZED");
        assertError(api.server().get(BASE, "Authorization", "Bearer mn_nope"), 401, "UNAUTHORIZED");
    }

    @Test
    void secondActiveRequestForTheSameMediaIs409UntilTheFirstIsDeclined() {
        String first = api.request(alice, "movie", 603, "The Matrix");
        assertError(api.post(bob, BASE, "{\"mediaType\":\"movie\",\"tmdbId\":603}"), 409, "ALREADY_REQUESTED");
        assertError(api.post(alice, BASE, "{\"mediaType\":\"movie\",\"tmdbId\":603}"), 409, "ALREADY_REQUESTED");
        assertEquals(201, api.post(bob, BASE, "{\"mediaType\":\"tv\",\"tmdbId\":603}").status(), "other type is free");
        assertEquals(200, api.post(admin, "/api/v1/admin/requests/" + first + "/decline", null).status());
        assertEquals(201, api.post(bob, BASE, "{\"mediaType\":\"movie\",\"tmdbId\":603}").status());
    }

    @Test
    void listShowsOnlyMyRequestsNewestFirst() {
        api.request(alice, "movie", 1, "One");
        api.request(bob, "movie", 2, "Two");
        api.request(alice, "tv", 3, "Three");
        var r = api.get(alice, BASE);
        assertEquals(200, r.status());
        assertEquals(2, r.data().size());
        assertEquals("Three", r.data().get(0).get("title").asText());
        assertEquals("One", r.data().get(1).get("title").asText());
        r.data().forEach(d -> assertEquals(alice.id().toString(), d.get("userId").asText()));
        assertTrue(r.json().at("/meta/nextCursor").isNull());
        assertEquals(20, r.json().at("/meta/limit").asInt());
    }

    @Test
    void listFiltersByStatusTypeTitleAndDate() {
        String matrix = api.request(alice, "movie", 603, "The Matrix");
        api.request(alice, "movie", 604, "Matrix Reloaded");
        api.request(alice, "tv", 1399, "Game of Thrones");
        api.post(admin, "/api/v1/admin/requests/" + matrix + "/approve", null);
        assertEquals(Set.of("The Matrix"), titles(api.get(alice, BASE + "?status=approved")));
        assertEquals(Set.of("Game of Thrones"), titles(api.get(alice, BASE + "?mediaType=tv")));
        assertEquals(Set.of("The Matrix", "Matrix Reloaded"), titles(api.get(alice, BASE + "?search=MATRIX")));
        assertEquals(Set.of(), titles(api.get(alice, BASE + "?search=%25")), "LIKE wildcards are literal");
        assertEquals(3, titles(api.get(alice, BASE + "?from=2000-01-01T00:00:00Z&to=2999-01-01")).size());
        assertEquals(0, titles(api.get(alice, BASE + "?to=2000-01-01T00:00:00%2B02:00")).size());
        assertEquals(0, titles(api.get(alice, BASE + "?from=2999-01-01")).size());
    }

    @Test
    void hostileSearchTextIsOnlyEverMatchedAsText() {
        api.request(alice, "movie", 1, "Robert'); DROP TABLE students;--");
        api.request(alice, "movie", 2, "Plain");
        assertEquals(Set.of("Robert'); DROP TABLE students;--"), titles(api.get(alice, BASE + "?search="
                + java.net.URLEncoder.encode("'); drop table", java.nio.charset.StandardCharsets.UTF_8))));
        for (String hostile : List.of("' OR '1'='1", "%' OR 1=1 --", "_", "\\", "<script>")) {
            assertEquals(Set.of(), titles(api.get(alice, BASE + "?search=" + java.net.URLEncoder.encode(hostile,
                    java.nio.charset.StandardCharsets.UTF_8))), hostile);
        }
        assertEquals(2, api.get(alice, BASE).data().size());
    }

    @Test
    void cursorPagingVisitsEveryRequestOnceInEachSort() {
        for (int i = 0; i < 7; i++) {
            api.request(alice, "movie", 100 + i, "Title " + (char) ('a' + (i * 3) % 7));
        }
        for (String sort : List.of("createdAt", "title", "status")) {
            for (String order : List.of("asc", "desc")) {
                List<String> seen = new ArrayList<>();
                String cursor = null;
                do {
                    var page = api.get(alice, BASE + "?limit=3&sort=" + sort + "&order=" + order
                            + (cursor == null ? "" : "&cursor=" + cursor));
                    assertEquals(200, page.status(), page.body());
                    page.data().forEach(d -> seen.add(d.get("id").asText()));
                    cursor = page.json().at("/meta/nextCursor").asText(null);
                } while (cursor != null);
                assertEquals(7, seen.size(), sort + " " + order);
                assertEquals(7, new HashSet<>(seen).size(), sort + " " + order);
            }
        }
    }

    @Test
    void badListParametersAre400() {
        assertInvalid(api.get(alice, BASE + "?status=lost"), "status");
        assertInvalid(api.get(alice, BASE + "?mediaType=book"), "mediaType");
        assertInvalid(api.get(alice, BASE + "?sort=owner"), "sort");
        assertInvalid(api.get(alice, BASE + "?order=up"), "order");
        assertInvalid(api.get(alice, BASE + "?limit=ten"), "limit");
        assertInvalid(api.get(alice, BASE + "?limit=99999999999999999999"), "limit");
        assertInvalid(api.get(alice, BASE + "?from=yesterday"), "from");
        assertInvalid(api.get(alice, BASE + "?to=%2B999999999-01-01T00:00:00Z"), "to");
        assertInvalid(api.get(alice, BASE + "?from=2025-02-01&to=2025-01-01"), "from");
        assertInvalid(api.get(alice, BASE + "?cursor=not-a-cursor"), "cursor");
        assertInvalid(api.get(alice, BASE + "?search=" + "x".repeat(201)), "search");
        assertInvalid(api.get(alice, BASE + "?search=a%00b"), "search");
        assertInvalid(api.get(alice, BASE + "?status=pending&status=approved"), "status");
        assertInvalid(api.get(alice, BASE + "?limit=5&limit=6"), "limit");
        assertEquals(100, api.get(alice, BASE + "?limit=5000").json().at("/meta/limit").asInt(), "limit is clamped");
        assertEquals(1, api.get(alice, BASE + "?limit=-3").json().at("/meta/limit").asInt(), "limit is clamped");
    }

    @Test
    void countsAreMine() {
        String a = api.request(alice, "movie", 1, "A");
        api.request(alice, "movie", 2, "B");
        String c = api.request(alice, "movie", 3, "C");
        api.request(bob, "movie", 4, "D");
        api.post(admin, "/api/v1/admin/requests/" + a + "/approve", null);
        api.post(admin, "/api/v1/admin/requests/" + c + "/decline", "{\"reason\":\"no\"}");
        JsonNode d = api.get(alice, BASE + "/counts").data();
        assertEquals("{\"pending\":1,\"approved\":1,\"declined\":1,\"available\":0,\"failed\":0,\"total\":3}",
                d.toString());
    }

    @Test
    void getIsForTheOwnerAndAdmins() {
        String id = api.request(alice, "movie", 1, "A");
        assertEquals(200, api.get(alice, BASE + "/" + id).status());
        assertEquals("A", api.get(admin, BASE + "/" + id).data().get("title").asText());
        assertError(api.get(bob, BASE + "/" + id), 403, "FORBIDDEN");
        assertError(api.get(alice, BASE + "/" + java.util.UUID.randomUUID()), 404, "REQUEST_NOT_FOUND");
        assertError(api.get(alice, BASE + "/not-a-uuid"), 404, "NOT_FOUND");
    }

    @Test
    void deleteWorksOnlyWhilePending() {
        String mine = api.request(alice, "movie", 1, "A");
        String approved = api.request(alice, "movie", 2, "B");
        String bobs = api.request(bob, "movie", 3, "C");
        api.post(admin, "/api/v1/admin/requests/" + approved + "/approve", null);
        assertError(api.delete(bob, BASE + "/" + mine), 403, "FORBIDDEN");
        var ok = api.delete(alice, BASE + "/" + mine);
        assertEquals(200, ok.status(), ok.body());
        assertEquals(mine, ok.data().get("id").asText());
        assertTrue(ok.data().get("deleted").asBoolean());
        assertError(api.get(alice, BASE + "/" + mine), 404, "REQUEST_NOT_FOUND");
        assertError(api.delete(alice, BASE + "/" + mine), 404, "REQUEST_NOT_FOUND");
        assertError(api.delete(alice, BASE + "/" + approved), 409, "INVALID_STATE");
        assertEquals(200, api.delete(admin, BASE + "/" + bobs).status(), "admins may delete anyone's pending request");
        assertEquals(201, api.post(bob, BASE, "{\"mediaType\":\"movie\",\"tmdbId\":3}").status(), "media is free again");
    }

    @Test
    void cacheableGetsAnswer304ToAMatchingIfNoneMatch() {
        String id = api.request(alice, "movie", 1, "A");
        for (String path : List.of(BASE, BASE + "/counts", BASE + "/" + id)) {
            var first = api.get(alice, path);
            String etag = first.header("ETag");
            assertTrue(etag != null && etag.matches("\"[A-Za-z0-9_-]{22}\""), path + ": " + etag);
            assertEquals("private, max-age=0, must-revalidate", first.header("Cache-Control"));
            var again = api.get(alice, path, "If-None-Match", etag);
            assertEquals(304, again.status(), path);
            assertEquals("", again.body());
            assertEquals(etag, again.header("ETag"));
            assertEquals(304, api.get(alice, path, "If-None-Match", "\"other\", W/" + etag).status(), path);
            assertEquals(200, api.get(alice, path, "If-None-Match", "\"other\"").status(), path);
        }
        String before = api.get(alice, BASE).header("ETag");
        api.post(admin, "/api/v1/admin/requests/" + id + "/approve", null);
        var changed = api.get(alice, BASE, "If-None-Match", before);
        assertEquals(200, changed.status());
        assertTrue(!before.equals(changed.header("ETag")));
    }

    private static Set<String> titles(TestServer.Res r) {
        assertEquals(200, r.status(), r.body());
        Set<String> out = new HashSet<>();
        r.data().forEach(d -> out.add(d.get("title").asText()));
        return out;
    }
}
