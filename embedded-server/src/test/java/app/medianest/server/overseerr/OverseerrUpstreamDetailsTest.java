package app.medianest.server.overseerr;

import app.medianest.fakes.FakeOverseerr;
import app.medianest.fakes.RecordedRequest;
import app.medianest.model.services.CircuitBreakerView;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.IntegrationServer;
import app.medianest.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Details of the Overseerr client checked against Overseerr's sources, through the fake Overseerr: a TMDB outage
 * inside Overseerr (500 "Unable to retrieve ...") is an outage (503, counted by the breaker), not "not found";
 * search queries are encoded as Overseerr's front end encodes them.
 */
class OverseerrUpstreamDetailsTest {
    private static TestDatabase db;
    private static FakeOverseerr overseerr;
    private static IntegrationServer server;
    private static String user;

    @BeforeAll
    static void start() {
        overseerr = FakeOverseerr.start();
        db = TestDatabase.create(DbKind.H2);
        server = IntegrationServer.start(db, Clock.systemUTC(), Map.of("overseerr.url", overseerr.apiBaseUrl(),
                "overseerr.api-key", FakeOverseerr.DEFAULT_API_KEY, "resilience.retry-backoff", "5ms",
                "resilience.retry-attempts", "1", "plex.cache-ttl", "0s"));
        user = server.newUser("looker");
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
        overseerr.close();
    }

    @BeforeEach
    void healthy() {
        overseerr.tmdbOutage(false);
        overseerr.heal();
        server.integrations().resilience().reset("overseerr");
    }

    private static int failedCalls() {
        return server.integrations().resilience().breakers().stream().filter(b -> b.name().equals("overseerr"))
                .mapToInt(CircuitBreakerView::failedCalls).findFirst().orElseThrow();
    }

    @Test
    void anUnknownIdIsNotFoundButATmdbOutageIsAnOutage() {
        var unknown = server.get("/api/v1/media/movie/999999999", user);
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals(0, failedCalls(), "an unknown id does not count against the breaker");

        overseerr.tmdbOutage(true);
        var known = server.get("/api/v1/media/movie/603", user);
        assertEquals(503, known.status(), known.body());
        assertEquals("SERVICE_UNAVAILABLE", known.errorCode());
        assertEquals(1, failedCalls(), "the TMDB outage counts as a failure");
        var search = server.get("/api/v1/media/search?query=matrix", user);
        assertEquals(503, search.status(), search.body());

        overseerr.tmdbOutage(false);
        assertEquals(200, server.get("/api/v1/media/movie/603", user).status());
    }

    @Test
    void searchQueriesAreEncodedAsOverseerrsFrontEndEncodesThem() {
        String query = "Amélie & Co. (2001)! *'~#?/";
        overseerr.clearRequests();
        var r = server.get("/api/v1/media/search?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), user);
        assertEquals(200, r.status(), r.body());
        List<RecordedRequest> sent = overseerr.requests("/api/v1/search");
        assertEquals(1, sent.size());
        // encodeURIComponent, then ( ) ! * percent-encoded (overseerr src/hooks/useDiscover.ts encodeURIExtraParams)
        assertTrue(sent.getFirst().rawQuery().startsWith(
                "query=Am%C3%A9lie%20%26%20Co.%20%282001%29%21%20%2A'~%23%3F%2F&"), sent.getFirst().rawQuery());
        assertEquals(query, sent.getFirst().queryParam("query").orElseThrow());
    }
}
