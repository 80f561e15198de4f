package app.medianest.server.plex;

import app.medianest.fakes.FakePlex;
import app.medianest.fakes.SampleCatalog;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.IntegrationServer;
import app.medianest.server.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract's Plex routes against a fake Plex Media Server over real HTTP. */
class PlexRoutesTest {
    private static final SampleCatalog CATALOG = SampleCatalog.standard();
    private static TestDatabase db;
    private static FakePlex plex;
    private static IntegrationServer server;
    private static String user;

    @BeforeAll
    static void start() {
        plex = FakePlex.start();
        db = TestDatabase.create(DbKind.H2);
        server = IntegrationServer.start(db, Clock.systemUTC(), Map.of());
        configure(plex);
        user = server.newUser("viewer");
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
        plex.close();
    }

    @Test
    void serverDescribesTheConfiguredPlex() {
        var r = server.get("/api/v1/plex/server", user);
        assertEquals(200, r.status(), r.body());
        assertEquals(plex.friendlyName(), r.data().get("name").asText());
        assertEquals(plex.machineIdentifier(), r.data().get("machineIdentifier").asText());
        assertEquals(FakePlex.VERSION, r.data().get("version").asText());
        assertEquals("Linux", r.data().get("platform").asText());
        RecordedToken.assertSent(plex, "/");
    }

    @Test
    void librariesListSectionsWithTheirItemCounts() {
        var r = server.get("/api/v1/plex/libraries", user);
        assertEquals(200, r.status(), r.body());
        JsonNode libs = r.data();
        assertEquals(2, libs.size());
        assertEquals("1", libs.get(0).get("key").asText());
        assertEquals("movie", libs.get(0).get("type").asText());
        assertEquals("Movies", libs.get(0).get("title").asText());
        assertEquals(plex.itemCount("1"), libs.get(0).get("itemCount").asInt());
        assertEquals(plex.itemCount("2"), libs.get(1).get("itemCount").asInt());
        assertTrue(libs.get(0).get("updatedAt").asText().endsWith("Z"));
        assertTrue(List.of("MISS", "HIT").contains(r.header("X-Cache")));
    }

    @Test
    void repeatedReadsAreServedFromTheCache() {
        server.get("/api/v1/plex/recently-added", user);
        long before = plex.requestCount("/library/recentlyAdded");
        var again = server.get("/api/v1/plex/recently-added", user);
        assertEquals("HIT", again.header("X-Cache"));
        assertEquals(before, plex.requestCount("/library/recentlyAdded"));
    }

    @Test
    void libraryItemsArePagedWithOffsetLimitAndTotal() {
        var first = server.get("/api/v1/plex/libraries/1/items?offset=0&limit=10", user);
        assertEquals(200, first.status(), first.body());
        assertEquals(10, first.data().size());
        assertEquals(0, first.json().at("/meta/offset").asInt());
        assertEquals(10, first.json().at("/meta/limit").asInt());
        assertEquals(plex.itemCount("1"), first.json().at("/meta/total").asInt());
        JsonNode item = first.data().get(0);
        for (String field : List.of("ratingKey", "type", "title", "year", "summary", "thumb", "duration", "addedAt")) {
            assertTrue(item.has(field), "item has " + field + ": " + item);
        }
        var second = server.get("/api/v1/plex/libraries/1/items?offset=10&limit=10", user);
        List<String> keys = new ArrayList<>();
        first.data().forEach(i -> keys.add(i.get("ratingKey").asText()));
        second.data().forEach(i -> assertFalse(keys.contains(i.get("ratingKey").asText()), "pages do not overlap"));
        var clamped = server.get("/api/v1/plex/libraries/1/items?limit=1000", user);
        assertEquals(100, clamped.json().at("/meta/limit").asInt());
    }

    @Test
    void badPagingParametersAre400AndUnknownLibrariesAre404() {
        assertEquals("VALIDATION_ERROR", server.get("/api/v1/plex/libraries/1/items?offset=-1", user).errorCode());
        assertEquals("VALIDATION_ERROR", server.get("/api/v1/plex/libraries/1/items?limit=ten", user).errorCode());
        var unknown = server.get("/api/v1/plex/libraries/99/items", user);
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("NOT_FOUND", unknown.errorCode());
        var hostile = server.get("/api/v1/plex/libraries/..%2F..%2Fidentity/items", user);
        assertEquals(404, hostile.status());
    }

    @Test
    void searchFindsItemsAcrossLibraries() {
        String title = CATALOG.inLibrary().getFirst().title();
        var r = server.get("/api/v1/plex/search?query=" + title.substring(0, 5).replace(" ", "%20"), user);
        assertEquals(200, r.status(), r.body());
        assertTrue(r.data().size() >= 1);
        boolean found = false;
        for (JsonNode item : r.data()) {
            found |= item.get("title").asText().equals(title);
        }
        assertTrue(found, title + " in " + r.data());
        assertEquals("VALIDATION_ERROR", server.get("/api/v1/plex/search", user).errorCode());
        assertEquals("VALIDATION_ERROR", server.get("/api/v1/plex/search?query=%20", user).errorCode());
    }

    @Test
    void recentlyAddedReturnsUpToTwentyNewestItems() {
        var r = server.get("/api/v1/plex/recently-added", user);
        assertEquals(200, r.status(), r.body());
        assertEquals(20, r.data().size());
        String previous = null;
        for (JsonNode item : r.data()) {
            String added = item.get("addedAt").asText();
            assertTrue(previous == null || added.compareTo(previous) <= 0, "newest first");
            previous = added;
        }
        assertEquals(10, server.integrations().plex().recentlyAdded(10).size());
    }

    @Test
    void collectionsAndTheirItems() {
        var r = server.get("/api/v1/plex/libraries/1/collections", user);
        assertEquals(200, r.status(), r.body());
        assertFalse(r.data().isEmpty());
        JsonNode collection = r.data().get(0);
        String key = collection.get("ratingKey").asText();
        var items = server.get("/api/v1/plex/collections/" + key, user);
        assertEquals(200, items.status(), items.body());
        assertEquals(collection.get("title").asText(), items.data().get("title").asText());
        assertEquals(collection.get("childCount").asInt(), items.data().get("items").size());
        assertEquals(404, server.get("/api/v1/plex/collections/424242", user).status());
    }

    @Test
    void plexRoutesNeedASignedInUser() {
        assertEquals(401, server.http().get("/api/v1/plex/libraries").status());
    }

    @Test
    void aNewPlexAddressAppliesWithoutRestart() {
        try (FakePlex other = FakePlex.start()) {
            server.get("/api/v1/plex/server", user);
            configure(other);
            try {
                var r = server.get("/api/v1/plex/server", user);
                assertEquals(other.machineIdentifier(), r.data().get("machineIdentifier").asText());
                assertNotEquals(plex.machineIdentifier(), other.machineIdentifier());
            } finally {
                configure(plex);
            }
        }
    }

    /** Checks the token travels in the header Plex expects. */
    private static final class RecordedToken {
        static void assertSent(FakePlex plex, String path) {
            var requests = plex.requests(path);
            assertFalse(requests.isEmpty());
            assertEquals(FakePlex.DEFAULT_TOKEN, requests.getLast().header("X-Plex-Token").orElse(null));
            assertEquals("application/json", requests.getLast().header("Accept").orElse(null));
        }
    }

    private static void configure(FakePlex target) {
        var put = server.put("/api/v1/admin/services/plex", "{\"url\":\"" + target.baseUrl() + "\",\"apiKey\":\""
                + FakePlex.DEFAULT_TOKEN + "\",\"enabled\":true}", server.adminToken());
        assertEquals(200, put.status(), put.body());
    }
}
