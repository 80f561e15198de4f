package app.medianest.server.acceptance;

import app.medianest.fakes.FakeOverseerr;
import app.medianest.fakes.FakePlex;
import app.medianest.fakes.OverseerrUser;
import app.medianest.fakes.OverseerrWebhook;
import app.medianest.fakes.SampleCatalog;
import app.medianest.fakes.SampleTitle;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.IntegrationServer;
import app.medianest.server.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5 across the whole server (steps 3 + 4 together, over real HTTP against the fakes): a dead upstream
 * costs the API nothing, and no request is ever lost or sent twice.
 */
class UpstreamOutageAcceptanceTest {
    @Test
    void requestsMadeWhileOverseerrIsDownAllReachItExactlyOnceAndComeBackThroughTheWebhook() throws Exception {
        // A catalogue of 100 requestable films on top of the standard one (the fake, like Overseerr, refuses
        // media it does not know).
        SampleTitle template = SampleCatalog.standard().requestable().stream()
                .filter(t -> t.mediaType() == app.medianest.fakes.MediaType.MOVIE).findFirst().orElseThrow();
        List<SampleTitle> titles = new ArrayList<>(SampleCatalog.standard().titles());
        for (int i = 0; i < 100; i++) {
            titles.add(new SampleTitle(template.mediaType(), 900_000 + i, null, "tt9" + (100_000 + i),
                    "Outage movie " + i, "Outage movie " + i, 2020, "2020-01-01", "A film requested during an outage",
                    template.genres(), template.contentRating(), template.studio(), 7.0, 100, List.of(), false));
        }
        SampleCatalog catalog = new SampleCatalog(titles, SampleCatalog.standard().collections());
        try (FakeOverseerr overseerr = FakeOverseerr.start(0, FakeOverseerr.DEFAULT_API_KEY, catalog,
                Clock.systemUTC()); TestDatabase db = TestDatabase.create(DbKind.H2);
             IntegrationServer server = IntegrationServer.start(db, Clock.systemUTC(), Map.of(
                     "overseerr.url", overseerr.apiBaseUrl(), "overseerr.api-key", FakeOverseerr.DEFAULT_API_KEY,
                     "overseerr.webhook-secret", "hook-secret-123", "overseerr.outbox-interval", "200ms",
                     "overseerr.outbox-max-backoff", "10s", "resilience.open-duration", "1s",
                     "resilience.retry-backoff", "10ms"))) {
            String user = server.newUser("family");
            overseerr.refuseConnections();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                var r = server.post("/api/v1/media/requests", "{\"mediaType\":\"movie\",\"tmdbId\":" + (900_000 + i)
                        + ",\"title\":\"Outage movie " + i + "\"}", user);
                assertEquals(201, r.status(), r.body());
                ids.add(r.data().get("id").asText());
            }
            System.out.println("Overseerr down: 100 of 100 creates answered 201");
            overseerr.heal();
            IntegrationServer.await("all 100 requests forwarded", Duration.ofSeconds(60),
                    () -> overseerr.requests("/api/v1/request").stream().filter(r -> r.method().equals("POST"))
                            .count() >= 100 && server.integrations().outbox().unsent() == 0);
            long posts = overseerr.requests("/api/v1/request").stream().filter(r -> r.method().equals("POST"))
                    .count();
            System.out.println("after Overseerr returned: " + posts + " create POSTs received (exactly once each)");
            assertEquals(100, posts, "every request reaches Overseerr exactly once");
            Thread.sleep(1_000); // a further outbox round must not send anything again
            assertEquals(100, overseerr.requests("/api/v1/request").stream()
                    .filter(r -> r.method().equals("POST")).count());

            // The round trip back: Overseerr says "available" through the webhook; the family sees it.
            String first = ids.getFirst();
            int overseerrId = server.http().server().components().database().jdbc().queryOne(
                    "SELECT overseerr_id FROM media_requests WHERE id = ?", r -> r.integer("overseerr_id"),
                    java.util.UUID.fromString(first)).orElseThrow();
            SampleTitle title = SampleCatalog.standard().movies().getFirst();
            String hook = OverseerrWebhook.of(OverseerrWebhook.Type.MEDIA_AVAILABLE, title, overseerrId,
                    new OverseerrUser(1, "admin", "admin@example.com", true)).toJson();
            int status = OverseerrWebhook.post(URI.create(server.http().url("/api/v1/webhooks/overseerr")),
                    "hook-secret-123", hook);
            assertEquals(200, status);
            JsonNode after = server.get("/api/v1/media/requests/" + first, user).data();
            assertEquals("available", after.get("status").asText());
        }
    }

    @Test
    void withPlexHangingTheDashboardAndLibrariesAnswerAtOnce() {
        try (FakePlex plex = FakePlex.start(); TestDatabase db = TestDatabase.create(DbKind.H2);
             IntegrationServer server = IntegrationServer.start(db, Clock.systemUTC(), Map.of(
                     "plex.url", plex.baseUrl(), "plex.token", FakePlex.DEFAULT_TOKEN,
                     "resilience.call-timeout", "300ms", "resilience.minimum-calls", "2",
                     "resilience.open-duration", "30s", "cache.ttl.service", "0s", "resilience.retry-backoff",
                     "10ms"))) {
            String user = server.newUser("viewer");
            assertEquals(200, server.get("/api/v1/plex/libraries", user).status());
            assertEquals(200, server.get("/api/v1/dashboard/stats", user).status());
            plex.hang();
            for (int i = 0; i < 6; i++) {
                server.get("/api/v1/plex/libraries", user);
            }
            double[] stats = new double[200];
            double[] libraries = new double[200];
            int stale = 0;
            for (int i = 0; i < 200; i++) {
                long t = System.nanoTime();
                var s = server.get("/api/v1/dashboard/stats", user);
                stats[i] = (System.nanoTime() - t) / 1e6;
                assertEquals(200, s.status());
                t = System.nanoTime();
                var l = server.get("/api/v1/plex/libraries", user);
                libraries[i] = (System.nanoTime() - t) / 1e6;
                assertTrue(l.status() == 200 || l.status() == 503, "stale answer or 503: " + l.status());
                if ("STALE".equals(l.header("X-Cache"))) {
                    stale++;
                }
            }
            Arrays.sort(stats);
            Arrays.sort(libraries);
            System.out.printf(Locale.ROOT, "Plex hanging, breaker open: dashboard/stats p50 %.2f ms p99 %.2f ms; "
                    + "plex/libraries p50 %.2f ms p99 %.2f ms (%d of 200 served stale)%n", stats[100], stats[197],
                    libraries[100], libraries[197], stale);
            assertTrue(stale > 0, "the last good answer is served while the breaker is open");
            // Hanging would cost the 300 ms call timeout per request; the figure itself is printed above.
            assertTrue(stats[197] < 300 && libraries[197] < 300, "an open breaker answers without waiting");
        }
    }
}
