package app.medianest.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeOverseerrTest {

    private FakeOverseerr overseerr;
    private Http http;
    private String[] key;

    @BeforeEach
    void start() {
        overseerr = FakeOverseerr.start();
        http = new Http();
        key = new String[] {"X-Api-Key", overseerr.apiKey(), "Content-Type", "application/json"};
    }

    @AfterEach
    void stop() {
        http.close();
        overseerr.close();
    }

    @Test
    void statusNeedsNoKeyButEverythingElseDoes() {
        assertEquals(FakeOverseerr.VERSION, Http.json(http.get(api("/status"))).get("version").asText());

        HttpResponse<String> forbidden = http.get(api("/search?query=matrix"), "X-Api-Key", "wrong");
        assertEquals(403, forbidden.statusCode());
        assertEquals("You do not have permission to access this endpoint",
                Http.json(forbidden).get("error").asText());
    }

    @Test
    void searchShowsLibraryTitlesAsAvailable() {
        JsonNode body = Http.json(http.get(api("/search?query=the%20matrix&page=1"), key));

        assertEquals(3, body.get("totalResults").asInt());
        JsonNode matrix = byId(body.get("results"), 603);
        assertEquals("movie", matrix.get("mediaType").asText());
        assertEquals("1999-03-31", matrix.get("releaseDate").asText());
        assertTrue(matrix.get("posterPath").asText().startsWith("/"));
        assertEquals(5, matrix.at("/mediaInfo/status").asInt());

        JsonNode dune = byId(Http.json(http.get(api("/search?query=dune"), key)).get("results"), 693134);
        assertFalse(dune.has("mediaInfo"), "titles Overseerr never saw have no mediaInfo");
        assertEquals(400, http.get(api("/search"), key).statusCode());
    }

    @Test
    void searchUnderstandsIdAndYearForms() {
        assertEquals("Game of Thrones",
                Http.json(http.get(api("/search?query=tmdb:1399"), key)).at("/results/0/name").asText());
        assertEquals(603, Http.json(http.get(api("/search?query=imdb:tt0133093"), key)).at("/results/0/id").asInt());
        assertEquals(1396, Http.json(http.get(api("/search?query=tvdb:81189"), key)).at("/results/0/id").asInt());
        assertEquals(2, Http.json(http.get(api("/search?query=year:1999"), key)).get("totalResults").asInt());
    }

    @Test
    void detailsForMoviesAndSeriesAndUnknownIdsAre500() {
        JsonNode movie = Http.json(http.get(api("/movie/603"), key));
        assertEquals("tt0133093", movie.get("imdbId").asText());
        assertEquals(136, movie.get("runtime").asInt());

        JsonNode tv = Http.json(http.get(api("/tv/1399"), key));
        assertEquals(8, tv.get("numberOfSeasons").asInt());
        assertEquals(121361, tv.at("/externalIds/tvdbId").asInt());
        assertEquals(8, tv.at("/mediaInfo/seasons").size());

        HttpResponse<String> unknown = http.get(api("/movie/1"), key);
        assertEquals(500, unknown.statusCode());
        assertEquals("Unable to retrieve movie.", Http.json(unknown).get("message").asText());
    }

    @Test
    void adminRequestsAreApprovedAndDuplicatesConflict() {
        HttpResponse<String> created = http.post(api("/request"), "{\"mediaType\":\"movie\",\"mediaId\":872585}", key);
        JsonNode request = Http.json(created);

        assertEquals(201, created.statusCode());
        assertEquals(2, request.get("status").asInt());
        assertEquals(872585, request.at("/media/tmdbId").asInt());
        assertEquals(3, request.at("/media/status").asInt());
        assertEquals("admin", request.at("/requestedBy/displayName").asText());
        assertTrue(request.get("createdAt").asText().matches("\\d{4}-.*T.*\\.\\d{3}Z"));
        assertEquals(409, http.post(api("/request"), "{\"mediaType\":\"movie\",\"mediaId\":872585}", key)
                .statusCode());
        assertEquals(409, http.post(api("/request"), "{\"mediaType\":\"movie\",\"mediaId\":603}", key).statusCode());
    }

    @Test
    void userRequestsStayPendingUntilAnAdminApprovesOrDeclines() {
        String[] alice = {"X-Api-Key", overseerr.apiKey(), "X-API-User", "2"};
        JsonNode request = Http.json(http.post(api("/request"), "{\"mediaType\":\"movie\",\"mediaId\":346698}", alice));
        int id = request.get("id").asInt();
        assertEquals(1, request.get("status").asInt());
        assertTrue(request.get("modifiedBy").isNull());

        assertEquals(403, http.post(api("/request/" + id + "/approve"), "", alice).statusCode());
        JsonNode approved = Http.json(http.post(api("/request/" + id + "/approve"), "", key));
        assertEquals(2, approved.get("status").asInt());
        assertEquals(1, approved.at("/modifiedBy/id").asInt());
        assertEquals(OverseerrRequest.APPROVED, overseerr.mediaRequest(id).orElseThrow().status());

        JsonNode declined = Http.json(http.post(api("/request/" + id + "/decline"), "", key));
        assertEquals(3, declined.get("status").asInt());
        assertEquals(404, http.post(api("/request/999/approve"), "", key).statusCode());
    }

    @Test
    void seriesRequestsTakeOnlySeasonsNotAlreadyRequested() {
        JsonNode first = Http.json(http.post(api("/request"), "{\"mediaType\":\"tv\",\"mediaId\":95396,\"seasons\":[1]}",
                key));
        assertEquals(1, first.at("/seasons/0/seasonNumber").asInt());

        JsonNode rest = Http.json(http.post(api("/request"), "{\"mediaType\":\"tv\",\"mediaId\":95396,\"seasons\":\"all\"}",
                key));
        assertEquals(1, rest.get("seasons").size());
        assertEquals(2, rest.at("/seasons/0/seasonNumber").asInt());

        HttpResponse<String> none = http.post(api("/request"), "{\"mediaType\":\"tv\",\"mediaId\":95396,\"seasons\":[2]}",
                key);
        assertEquals(202, none.statusCode());
        assertEquals("No seasons available to request", Http.json(none).get("message").asText());
    }

    @Test
    void requestListFiltersPagesAndCounts() {
        overseerr.createRequest(2, MediaType.MOVIE, 346698);
        overseerr.createRequest(3, MediaType.MOVIE, 545611);
        overseerr.createRequest(1, MediaType.MOVIE, 546554);

        JsonNode pending = Http.json(http.get(api("/request?filter=pending&take=1&skip=1"), key));
        assertEquals(2, pending.at("/pageInfo/results").asInt());
        assertEquals(2, pending.at("/pageInfo/pages").asInt());
        assertEquals(1, pending.get("results").size());
        assertEquals(1, pending.at("/results/0/id").asInt(), "newest first, so the second page is the oldest");

        JsonNode mine = Http.json(http.get(api("/request"), "X-Api-Key", overseerr.apiKey(), "X-API-User", "3"));
        assertEquals(1, mine.at("/pageInfo/results").asInt());

        JsonNode counts = Http.json(http.get(api("/request/count"), key));
        assertEquals(3, counts.get("total").asInt());
        assertEquals(2, counts.get("pending").asInt());
        assertEquals(1, counts.get("processing").asInt());
        overseerr.markAvailable(MediaType.MOVIE, 546554);
        assertEquals(1, Http.json(http.get(api("/request/count"), key)).get("available").asInt());
    }

    @Test
    void deleteRemovesARequest() {
        int id = overseerr.createRequest(2, MediaType.MOVIE, 346698).id();

        assertEquals(204, http.method("DELETE", api("/request/" + id), key).statusCode());
        assertEquals(404, http.get(api("/request/" + id), key).statusCode());
    }

    @Test
    void everyConcurrentRequestIsRecordedExactlyOnce() {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            HttpRequest request = Http.request(api("/request"), Http.TIMEOUT, key).header("X-Call", "call-" + i)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"mediaType\":\"movie\",\"mediaId\":19995}")).build();
            calls.add(http.client().sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

        assertEquals(1, statuses.stream().filter(s -> s == 201).count());
        assertEquals(99, statuses.stream().filter(s -> s == 409).count());
        List<RecordedRequest> received = overseerr.requests("/api/v1/request");
        Set<String> ids = new HashSet<>();
        received.forEach(r -> ids.add(r.header("X-Call").orElseThrow()));
        assertEquals(100, received.size());
        assertEquals(IntStream.range(0, 100).mapToObj(i -> "call-" + i).collect(Collectors.toSet()),
                ids);
        assertEquals(1, overseerr.mediaRequests().size());
    }

    @Test
    void webhookPayloadsFollowTheDefaultTemplate() throws Exception {
        SampleTitle got = overseerr.catalog().find(MediaType.TV, 1399).orElseThrow();
        OverseerrUser alice = overseerr.users().get(2);
        String json = OverseerrWebhook.of(OverseerrWebhook.Type.MEDIA_APPROVED, got, 42, alice)
                .withSeasons(List.of(1, 2)).toJson();
        JsonNode payload = new ObjectMapper().readTree(json);

        assertEquals("MEDIA_APPROVED", payload.get("notification_type").asText());
        assertEquals("Series Request Approved", payload.get("event").asText());
        assertEquals("Game of Thrones (2011)", payload.get("subject").asText());
        assertEquals("1399", payload.at("/media/tmdbId").asText());
        assertEquals("PROCESSING", payload.at("/media/status").asText());
        assertEquals("42", payload.at("/request/request_id").asText());
        assertEquals("alice", payload.at("/request/requestedBy_username").asText());
        assertEquals("1, 2", payload.at("/extra/0/value").asText());
        assertTrue(payload.get("issue").isNull());

        int status = OverseerrWebhook.post(overseerr.uri("/hook"), "Bearer s3cret", json);
        assertEquals(404, status);
        RecordedRequest delivered = overseerr.requests("/hook").getFirst();
        assertEquals("Bearer s3cret", delivered.header("Authorization").orElseThrow());
        assertEquals(json, delivered.body());
        assertTrue(OverseerrWebhook.testNotification().contains("\"media\":null"));
    }

    private URI api(String path) {
        return overseerr.uri("/api/v1" + path);
    }

    private static JsonNode byId(JsonNode results, int id) {
        for (JsonNode result : results) {
            if (result.get("id").asInt() == id) {
                return result;
            }
        }
        throw new AssertionError("no result " + id + " in " + results);
    }
}
