package app.medianest.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FakePlexTest {

    private static final String[] AUTH = {"Accept", "application/json", "X-Plex-Token", FakePlex.DEFAULT_TOKEN};

    private static FakePlex plex;
    private static Http http;

    @BeforeAll
    static void start() {
        plex = FakePlex.start();
        http = new Http();
    }

    @AfterAll
    static void stop() {
        http.close();
        plex.close();
    }

    @Test
    void identityNeedsNoToken() {
        JsonNode container = container(http.get(plex.uri("/identity")));

        assertEquals(plex.machineIdentifier(), container.get("machineIdentifier").asText());
        assertEquals(FakePlex.VERSION, container.get("version").asText());
        assertTrue(container.get("claimed").asBoolean());
    }

    @Test
    void libraryRoutesNeedAValidTokenAsHeaderOrQuery() {
        assertEquals(401, http.get(plex.uri("/library/sections")).statusCode());
        assertEquals(401, http.get(plex.uri("/library/sections"), "X-Plex-Token", "wrong").statusCode());
        assertEquals(200, http.get(plex.uri("/library/sections?X-Plex-Token=" + FakePlex.DEFAULT_TOKEN)).statusCode());
        assertEquals(200, http.get(plex.uri("/"), AUTH).statusCode());
    }

    @Test
    void sectionsListMoviesAndShows() {
        JsonNode directories = container(http.get(plex.uri("/library/sections"), AUTH)).get("Directory");

        assertEquals(2, directories.size());
        assertEquals("1", directories.get(0).get("key").asText());
        assertEquals("movie", directories.get(0).get("type").asText());
        assertEquals("/data/movies", directories.get(0).at("/Location/0/path").asText());
        assertEquals("show", directories.get(1).get("type").asText());
        assertFalse(directories.get(1).get("refreshing").asBoolean());
    }

    @Test
    void sectionItemsPageWithHeadersOrQueryParameters() {
        HttpResponse<String> firstPage = http.get(plex.uri("/library/sections/1/all?type=1&sort=titleSort"),
                with("X-Plex-Container-Start", "0", "X-Plex-Container-Size", "10"));
        JsonNode first = container(firstPage);
        assertEquals(10, first.get("size").asInt());
        assertEquals(30, first.get("totalSize").asInt());
        assertEquals(10, first.get("Metadata").size());
        assertEquals("30", firstPage.headers().firstValue("X-Plex-Container-Total-Size").orElseThrow());

        JsonNode last = container(http.get(plex.uri(
                "/library/sections/1/all?type=1&X-Plex-Container-Start=25&X-Plex-Container-Size=10"), AUTH));
        assertEquals(5, last.get("size").asInt());
        assertEquals(25, last.get("offset").asInt());

        JsonNode countOnly = container(http.get(plex.uri(
                "/library/sections/2/all?type=2&X-Plex-Container-Start=0&X-Plex-Container-Size=0"), AUTH));
        assertEquals(0, countOnly.get("size").asInt());
        assertEquals(10, countOnly.get("totalSize").asInt());
        assertFalse(countOnly.has("Metadata"));
    }

    @Test
    void itemsCarryTheDocumentedFieldsAndGuidsOnRequest() {
        JsonNode items = container(http.get(plex.uri("/library/sections/1/all?type=1&includeGuids=1"), AUTH))
                .get("Metadata");
        JsonNode matrix = find(items, "The Matrix");

        assertEquals("/library/metadata/" + matrix.get("ratingKey").asText(), matrix.get("key").asText());
        assertTrue(matrix.get("guid").asText().startsWith("plex://movie/"));
        assertEquals(1999, matrix.get("year").asInt());
        assertEquals(136 * 60_000, matrix.get("duration").asInt());
        assertEquals("tmdb://603", matrix.at("/Guid/1/id").asText());
        assertTrue(matrix.at("/Media/0/Part/0/file").asText().endsWith("The Matrix (1999).mkv"));
        assertEquals("The Matrix Collection", matrix.at("/Collection/0/tag").asText());
    }

    @Test
    void sortByAddedAtDescendingPutsNewestFirst() {
        JsonNode items = container(http.get(plex.uri("/library/sections/1/all?type=1&sort=addedAt:desc"), AUTH))
                .get("Metadata");

        assertTrue(items.get(0).get("addedAt").asLong() > items.get(items.size() - 1).get("addedAt").asLong());
    }

    @Test
    void showsHaveSeasonsAndSeasonsHaveEpisodes() {
        String showKey = plex.ratingKeyOf(MediaType.TV, 1396).orElseThrow();
        JsonNode show = container(http.get(plex.uri("/library/metadata/" + showKey), AUTH)).at("/Metadata/0");
        assertEquals("/library/metadata/" + showKey + "/children", show.get("key").asText());
        assertEquals(5, show.get("childCount").asInt());
        assertEquals(62, show.get("leafCount").asInt());
        assertEquals("tvdb://81189", show.at("/Guid/2/id").asText());

        JsonNode seasons = container(http.get(plex.uri("/library/metadata/" + showKey + "/children"), AUTH));
        assertEquals(5, seasons.get("size").asInt());
        JsonNode seasonTwo = seasons.at("/Metadata/1");
        assertEquals("season", seasonTwo.get("type").asText());
        assertEquals(2, seasonTwo.get("index").asInt());

        JsonNode episodes = container(http.get(plex.uri(seasonTwo.get("key").asText()), AUTH)).get("Metadata");
        assertEquals(13, episodes.size());
        assertEquals(2, episodes.get(0).get("parentIndex").asInt());
        assertEquals("Breaking Bad", episodes.get(0).get("grandparentTitle").asText());
    }

    @Test
    void unknownKeysAre404Html() {
        HttpResponse<String> missing = http.get(plex.uri("/library/metadata/999999"), AUTH);

        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertEquals(404, http.get(plex.uri("/library/sections/7/all"), AUTH).statusCode());
    }

    @Test
    void hubSearchGroupsMatchesByType() {
        JsonNode hubs = container(http.get(plex.uri("/hubs/search?query=matrix&limit=2"), AUTH)).get("Hub");
        JsonNode movies = hubs.get(0);

        assertEquals("movie", movies.get("type").asText());
        assertEquals(2, movies.get("size").asInt());
        assertTrue(movies.get("more").asBoolean());
        assertEquals(400, http.get(plex.uri("/hubs/search"), AUTH).statusCode());
        JsonNode legacy = container(http.get(plex.uri("/search?query=office"), AUTH));
        assertEquals("The Office", legacy.at("/Metadata/0/title").asText());
    }

    @Test
    void collectionsListTheirMembers() {
        JsonNode collections = container(http.get(plex.uri("/library/sections/1/collections"), AUTH))
                .get("Metadata");
        JsonNode matrix = find(collections, "The Matrix Collection");
        assertEquals("collection", matrix.get("type").asText());
        assertEquals(3, matrix.get("childCount").asInt());

        JsonNode members = container(http.get(plex.uri(matrix.get("key").asText()), AUTH)).get("Metadata");
        assertEquals("The Matrix Reloaded", members.get(1).get("title").asText());
    }

    @Test
    void recentlyAddedIsNewestFirstAndSeesNewTitles() {
        try (FakePlex fresh = FakePlex.start(0, "t", SampleCatalog.standard(), Clock.systemUTC())) {
            SampleTitle dune2 = SampleCatalog.standard().find(MediaType.MOVIE, 693134).orElseThrow();
            fresh.addToLibrary(dune2);

            JsonNode recent = container(http.get(fresh.uri("/library/recentlyAdded?X-Plex-Container-Size=5"),
                    "X-Plex-Token", "t"));

            assertEquals(5, recent.get("size").asInt());
            assertEquals("Dune: Part Two", recent.at("/Metadata/0/title").asText());
            assertEquals(31, fresh.itemCount("1"));
        }
    }

    @Test
    void refreshCallsAreCountedPerSectionWithGetPostAndDelete() {
        try (FakePlex fresh = FakePlex.start(0, "t", SampleCatalog.standard(), Clock.systemUTC())) {
            fresh.scanDuration(Duration.ofMinutes(1));
            assertEquals(200, http.get(fresh.uri("/library/sections/1/refresh?force=1"), "X-Plex-Token", "t")
                    .statusCode());
            assertTrue(container(http.get(fresh.uri("/library/sections"), "X-Plex-Token", "t"))
                    .at("/Directory/0/refreshing").asBoolean());
            http.post(fresh.uri("/library/sections/2/refresh?path=%2Fdata%2Ftv%2FNew"), "", "X-Plex-Token", "t");
            http.method("DELETE", fresh.uri("/library/sections/1/refresh"), "X-Plex-Token", "t");

            assertEquals(3, fresh.refreshCount());
            assertEquals(2, fresh.refreshCount("1"));
            List<RefreshCall> calls = fresh.refreshCalls();
            assertTrue(calls.get(0).force());
            assertEquals("/data/tv/New", calls.get(1).path());
            assertTrue(calls.get(2).cancel());
            assertEquals(404, http.get(fresh.uri("/library/sections/9/refresh"), "X-Plex-Token", "t").statusCode());
        }
    }

    private static JsonNode container(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).get("MediaContainer");
    }

    private static JsonNode find(JsonNode items, String title) {
        for (JsonNode item : items) {
            if (item.get("title").asText().equals(title)) {
                return item;
            }
        }
        throw new AssertionError("no item " + title);
    }

    private static String[] with(String... extra) {
        List<String> headers = new ArrayList<>(List.of(AUTH));
        headers.addAll(List.of(extra));
        return headers.toArray(String[]::new);
    }
}
