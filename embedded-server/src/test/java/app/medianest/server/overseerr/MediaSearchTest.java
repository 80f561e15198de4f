package app.medianest.server.overseerr;

import app.medianest.fakes.FakeOverseerr;
import app.medianest.fakes.SampleCatalog;
import app.medianest.fakes.SampleTitle;
import app.medianest.model.MediaType;
import app.medianest.model.RequestStatus;
import app.medianest.model.Role;
import app.medianest.server.db.Jdbc;
import app.medianest.server.requests.MediaRequestRepository;
import app.medianest.server.requests.NewMediaRequest;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.Fixtures;
import app.medianest.server.testing.IntegrationServer;
import app.medianest.server.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/media/search} and {@code /api/v1/media/{movie|tv}/{tmdbId}} through a fake Overseerr. */
class MediaSearchTest {
    private static final SampleCatalog CATALOG = SampleCatalog.standard();
    private static TestDatabase db;
    private static FakeOverseerr overseerr;
    private static IntegrationServer server;
    private static String user;

    @BeforeAll
    static void start() {
        overseerr = FakeOverseerr.start();
        db = TestDatabase.create(DbKind.H2);
        server = IntegrationServer.start(db, Clock.systemUTC(), Map.of("overseerr.url", overseerr.apiBaseUrl(),
                "overseerr.api-key", FakeOverseerr.DEFAULT_API_KEY, "resilience.retry-backoff", "10ms",
                "cache.ttl.service", "0s"));
        user = server.newUser("searcher");
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
        overseerr.close();
    }

    @BeforeEach
    void healthy() {
        overseerr.heal();
        server.integrations().resilience().reset("overseerr");
    }

    @Test
    void searchMapsMoviesAndShows() {
        SampleTitle available = CATALOG.movies().stream().filter(SampleTitle::inLibrary).findFirst().orElseThrow();
        var r = server.get("/api/v1/media/search?query=" + encode(available.title()), user);
        assertEquals(200, r.status(), r.body());
        JsonNode hit = byTmdb(r.data(), available.tmdbId());
        assertEquals("movie", hit.get("mediaType").asText());
        assertEquals(available.title(), hit.get("title").asText());
        assertEquals(available.year(), hit.get("year").asInt());
        assertEquals(available.overview(), hit.get("overview").asText());
        assertEquals("https://image.tmdb.org/t/p/w500" + available.posterPath(), hit.get("posterPath").asText());
        assertEquals("available", hit.get("availability").asText());
        assertFalse(hit.get("requested").asBoolean());
        assertEquals(1, r.json().at("/meta/page").asInt());
        assertTrue(r.json().at("/meta/totalResults").asInt() >= 1);

        SampleTitle show = CATALOG.shows().getFirst();
        JsonNode tv = byTmdb(server.get("/api/v1/media/search?query=" + encode(show.title()), user).data(),
                show.tmdbId());
        assertEquals("tv", tv.get("mediaType").asText());
        assertEquals(show.title(), tv.get("title").asText());
    }

    @Test
    void aTitleWithAnActiveRequestHereIsMarkedRequested() {
        SampleTitle wanted = CATALOG.requestable().stream().filter(SampleTitle::isMovie).findFirst().orElseThrow();
        Jdbc jdbc = server.http().server().components().database().jdbc();
        UUID owner = Fixtures.user(jdbc, "requester", Role.USER).id();
        jdbc.inTransaction(h -> new MediaRequestRepository(jdbc).insert(h, new NewMediaRequest(UUID.randomUUID(),
                owner, MediaType.MOVIE, wanted.tmdbId(), wanted.title(), RequestStatus.PENDING, List.of(), null,
                Instant.now())));
        var r = server.get("/api/v1/media/search?query=" + encode(wanted.title()), user);
        JsonNode hit = byTmdb(r.data(), wanted.tmdbId());
        assertTrue(hit.get("requested").asBoolean(), hit.toString());
        assertEquals("unknown", hit.get("availability").asText());
        assertTrue(server.get("/api/v1/media/movie/" + wanted.tmdbId(), user).data().get("requested").asBoolean());
    }

    @Test
    void badSearchesAre400() {
        assertEquals("VALIDATION_ERROR", server.get("/api/v1/media/search", user).errorCode());
        assertEquals("VALIDATION_ERROR", server.get("/api/v1/media/search?query=", user).errorCode());
        assertEquals("VALIDATION_ERROR", server.get("/api/v1/media/search?query=x&page=0", user).errorCode());
        assertEquals("VALIDATION_ERROR", server.get("/api/v1/media/search?query=x&page=two", user).errorCode());
        assertEquals(401, server.http().get("/api/v1/media/search?query=x").status());
    }

    @Test
    void movieDetails() {
        SampleTitle movie = CATALOG.movies().getFirst();
        var r = server.get("/api/v1/media/movie/" + movie.tmdbId(), user);
        assertEquals(200, r.status(), r.body());
        JsonNode d = r.data();
        assertEquals(movie.title(), d.get("title").asText());
        assertEquals(movie.runtime(), d.get("runtime").asInt());
        assertEquals(movie.genres().size(), d.get("genres").size());
        assertTrue(d.get("seasons").isEmpty());
    }

    @Test
    void tvDetailsIncludeSeasons() {
        SampleTitle show = CATALOG.shows().stream().filter(t -> !t.inLibrary()).findFirst().orElseThrow();
        var r = server.get("/api/v1/media/tv/" + show.tmdbId(), user);
        assertEquals(200, r.status(), r.body());
        JsonNode seasons = r.data().get("seasons");
        assertEquals(show.seasonCount(), seasons.size());
        assertEquals(1, seasons.get(0).get("seasonNumber").asInt());
        assertEquals(show.seasons().getFirst().intValue(), seasons.get(0).get("episodeCount").asInt());
        assertNull(r.data().get("runtime").textValue());
    }

    @Test
    void badTypeOrIdIs400AndUnknownIdIs404() {
        var badType = server.get("/api/v1/media/book/603", user);
        assertEquals(400, badType.status());
        assertTrue(badType.json().at("/error/details").has("type"));
        assertEquals("VALIDATION_ERROR", server.get("/api/v1/media/movie/abc", user).errorCode());
        assertEquals("VALIDATION_ERROR", server.get("/api/v1/media/movie/-3", user).errorCode());
        var unknown = server.get("/api/v1/media/movie/999999999", user);
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("closed", breakerState(), "an unknown id is not an outage");
    }

    @Test
    void overseerrDownIs503() {
        overseerr.refuseConnections();
        var r = server.get("/api/v1/media/search?query=never-searched-before", user);
        assertEquals(503, r.status(), r.body());
        assertEquals("SERVICE_UNAVAILABLE", r.errorCode());
        assertFalse(r.body().contains("127.0.0.1"), "no upstream details leak");
        overseerr.heal();
        overseerr.failWith(500);
        assertEquals(503, server.get("/api/v1/media/movie/603", user).status());
    }

    @Test
    void duringAnOutageTheLastGoodAnswerIsServedStale() {
        var fresh = server.get("/api/v1/media/search?query=the", user);
        assertEquals(200, fresh.status());
        assertEquals("MISS", fresh.header("X-Cache"), "this class runs with a zero cache TTL");
        overseerr.failWith(503);
        var stale = server.get("/api/v1/media/search?query=the", user);
        assertEquals(200, stale.status(), stale.body());
        assertEquals("STALE", stale.header("X-Cache"));
        assertEquals(fresh.data(), stale.data());
    }

    private static String breakerState() {
        for (JsonNode b : server.get("/api/v1/resilience/circuit-breakers", server.adminToken()).data()) {
            if (b.get("name").asText().equals("overseerr")) {
                return b.get("state").asText();
            }
        }
        throw new AssertionError("no overseerr breaker");
    }

    private static JsonNode byTmdb(JsonNode results, int tmdbId) {
        for (JsonNode r : results) {
            if (r.get("tmdbId").asInt() == tmdbId) {
                return r;
            }
        }
        throw new AssertionError(tmdbId + " not in " + results);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
