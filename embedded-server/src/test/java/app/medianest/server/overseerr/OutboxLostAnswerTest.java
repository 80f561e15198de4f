package app.medianest.server.overseerr;

import app.medianest.fakes.FakeOverseerr;
import app.medianest.fakes.OverseerrRequest;
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
import app.medianest.server.testing.ManualClock;
import app.medianest.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When Overseerr creates a request but its answer never arrives (slower than the call timeout), the retry meets
 * Overseerr's "already requested" and adopts that request: Overseerr ends up with one request, not two.
 */
class OutboxLostAnswerTest {
    private static final ManualClock CLOCK = ManualClock.now();

    @Test
    void aLostAnswerDoesNotCreateASecondOverseerrRequest() {
        SampleTitle title = SampleCatalog.standard().requestable().stream().filter(SampleTitle::isMovie).findFirst()
                .orElseThrow();
        try (FakeOverseerr overseerr = FakeOverseerr.start(); TestDatabase db = TestDatabase.create(DbKind.H2);
             IntegrationServer server = IntegrationServer.start(db, CLOCK, Map.of("overseerr.url",
                     overseerr.apiBaseUrl(), "overseerr.api-key", FakeOverseerr.DEFAULT_API_KEY,
                     "overseerr.outbox-interval", "1h", "resilience.call-timeout", "500ms"))) {
            Jdbc jdbc = server.http().server().components().database().jdbc();
            UUID owner = Fixtures.user(jdbc, "patient", Role.USER).id();
            UUID request = jdbc.inTransaction(h -> {
                UUID id = new MediaRequestRepository(jdbc).insert(h, new NewMediaRequest(UUID.randomUUID(), owner,
                        MediaType.MOVIE, title.tmdbId(), title.title(), RequestStatus.PENDING, List.of(), null,
                        CLOCK.instant())).id();
                server.integrations().forwarder().enqueueCreate(h, id);
                return id;
            });
            OutboxWorker worker = server.integrations().outboxWorker();

            overseerr.latency(Duration.ofMillis(1500));
            assertEquals(1, worker.runOnce().failed(), "the answer did not arrive within the call timeout");
            IntegrationServer.await("Overseerr to process the slow create", Duration.ofSeconds(20),
                    () -> overseerr.mediaRequests().stream().anyMatch(r -> r.tmdbId() == title.tmdbId()));
            overseerr.heal();
            for (int run = 0; server.integrations().outbox().unsent() > 0; run++) {
                assertTrue(run < 10, "delivered within a few runs");
                CLOCK.advance(Duration.ofHours(1));
                worker.runOnce();
            }
            List<OverseerrRequest> forTitle = overseerr.mediaRequests().stream()
                    .filter(r -> r.tmdbId() == title.tmdbId()).toList();
            assertEquals(1, forTitle.size(), "Overseerr holds one request, not two");
            Integer recorded = jdbc.queryOne("SELECT overseerr_id FROM media_requests WHERE id = ?",
                    r -> r.nullableInt("overseerr_id"), request).orElse(null);
            assertEquals(forTitle.getFirst().id(), recorded, "the existing request was adopted");
        }
    }
}
