package app.medianest.server.overseerr;

import app.medianest.fakes.FakeOverseerr;
import app.medianest.fakes.OverseerrRequest;
import app.medianest.fakes.SampleCatalog;
import app.medianest.fakes.SampleTitle;
import app.medianest.model.MediaRequestView;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request outbox against a fake Overseerr: rows written with the request in one transaction, delivered by
 * the worker with backoff while Overseerr is down, and proven to reach Overseerr exactly once with its request
 * log. Runs on H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class OutboxWorkerTest {
    private static final int BASE_TMDB = 900_000;
    private static final Map<DbKind, TestDatabase> DATABASES = new EnumMap<>(DbKind.class);
    private static final Map<DbKind, IntegrationServer> SERVERS = new EnumMap<>(DbKind.class);
    private static final Map<DbKind, FakeOverseerr> FAKES = new EnumMap<>(DbKind.class);
    private static final ManualClock CLOCK = ManualClock.now();

    @Parameter
    DbKind kind;

    private IntegrationServer server;
    private FakeOverseerr overseerr;
    private Jdbc jdbc;
    private UUID owner;

    @BeforeEach
    void server() {
        overseerr = FAKES.computeIfAbsent(kind, k -> FakeOverseerr.start(0, FakeOverseerr.DEFAULT_API_KEY,
                catalog(), Clock.systemUTC()));
        server = SERVERS.computeIfAbsent(kind, k -> {
            TestDatabase db = TestDatabase.create(k);
            DATABASES.put(k, db);
            return IntegrationServer.start(db, CLOCK, Map.of("overseerr.url", overseerr.apiBaseUrl(),
                    "overseerr.api-key", FakeOverseerr.DEFAULT_API_KEY, "overseerr.request-user-id", "2",
                    "overseerr.outbox-interval", "1h", "resilience.retry-backoff", "5ms"));
        });
        jdbc = server.http().server().components().database().jdbc();
        owner = Fixtures.user(jdbc, "owner-" + UUID.randomUUID().toString().substring(0, 8), Role.USER).id();
        overseerr.heal();
        overseerr.clearRequests();
        server.integrations().resilience().reset("overseerr");
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(IntegrationServer::close);
        DATABASES.values().forEach(TestDatabase::close);
        FAKES.values().forEach(FakeOverseerr::close);
    }

    @Test
    void hundredRequestsMadeWhileOverseerrIsDownReachItExactlyOnceWhenItReturns() {
        overseerr.refuseConnections();
        List<Integer> tmdbIds = IntStream.range(1, 101).map(i -> BASE_TMDB + i).boxed().toList();
        List<UUID> requests = new ArrayList<>();
        for (int tmdb : tmdbIds) {
            requests.add(createAndEnqueue(tmdb));
        }
        assertEquals(100, outbox().unsent());

        int failedAttempts = 0;
        for (int run = 0; run < 15; run++) {
            failedAttempts += worker().runOnce().failed();
            CLOCK.advance(Duration.ofMinutes(1));
        }
        assertEquals(100, outbox().unsent(), "nothing is lost while Overseerr is down");
        assertEquals("open", breakerState(), "repeated failures opened the breaker");

        overseerr.heal();
        int runs = drain();
        for (int i = 0; i < 3; i++) {
            CLOCK.advance(Duration.ofHours(1));
            worker().runOnce();
        }
        assertEquals(100, overseerr.requests("/api/v1/request").stream()
                .filter(r -> r.method().equals("POST")).count(), "exactly 100 creates reached Overseerr");
        Map<Integer, OverseerrRequest> upstream = new java.util.HashMap<>();
        overseerr.mediaRequests().stream().filter(r -> tmdbIds.contains(r.tmdbId()))
                .forEach(r -> assertEquals(null, upstream.put(r.tmdbId(), r), "one Overseerr request per title"));
        assertEquals(100, upstream.size());
        Set<Integer> ids = new HashSet<>();
        for (UUID id : requests) {
            Integer overseerrId = overseerrId(id);
            assertNotNull(overseerrId, "the Overseerr id is recorded on the request");
            assertTrue(ids.add(overseerrId));
            assertEquals(OverseerrRequest.PENDING, overseerr.mediaRequest(overseerrId).orElseThrow().status(),
                    "created as the configured non-admin user, so it waits for approval");
        }
        System.out.printf("Outbox: 100 requests enqueued while Overseerr was down, %d failed attempts (the breaker "
                + "then opened), all delivered exactly once in %d runs after it returned%n", failedAttempts, runs);
    }

    @Test
    void approvalAndDeclineAreMirrored() {
        UUID approved = createAndEnqueue(BASE_TMDB + 160);
        UUID declined = createAndEnqueue(BASE_TMDB + 161);
        drain();
        assertEquals(OverseerrRequest.PENDING, upstreamStatus(approved));
        change(approved, RequestStatus.APPROVED);
        change(declined, RequestStatus.DECLINED);
        drain();
        assertEquals(OverseerrRequest.APPROVED, upstreamStatus(approved));
        assertEquals(OverseerrRequest.DECLINED, upstreamStatus(declined));

        UUID neverForwarded = insertOnly(BASE_TMDB + 162);
        change(neverForwarded, RequestStatus.APPROVED);
        drain();
        assertEquals(OverseerrRequest.APPROVED, upstreamStatus(neverForwarded), "created, then approved");
        UUID declinedLocally = insertOnly(BASE_TMDB + 163);
        long before = outbox().unsent();
        change(declinedLocally, RequestStatus.DECLINED);
        assertEquals(before, outbox().unsent(), "nothing to decline upstream for a request Overseerr never saw");
        assertEquals(0, outbox().unsent());
    }

    @Test
    void nothingIsRecordedWhileOverseerrIsDisabled() {
        var off = server.put("/api/v1/admin/services/overseerr", "{\"enabled\":false}", server.adminToken());
        assertEquals(200, off.status(), off.body());
        try {
            createAndEnqueue(BASE_TMDB + 170);
            assertEquals(0, outbox().unsent());
        } finally {
            assertEquals(200, server.put("/api/v1/admin/services/overseerr", "{\"enabled\":true}",
                    server.adminToken()).status());
        }
    }

    /** Runs the worker (moving the clock past any backoff) until nothing waits; returns the runs it took. */
    private int drain() {
        int runs = 0;
        while (outbox().unsent() > 0) {
            CLOCK.advance(Duration.ofHours(1));
            worker().runOnce();
            assertTrue(++runs <= 20, "delivered within a few runs, " + outbox().unsent() + " left");
        }
        return runs;
    }

    private UUID createAndEnqueue(int tmdb) {
        return jdbc.inTransaction(h -> {
            MediaRequestView v = new MediaRequestRepository(jdbc).insert(h, newRequest(tmdb));
            server.integrations().forwarder().enqueueCreate(h, v.id());
            return v.id();
        });
    }

    private UUID insertOnly(int tmdb) {
        return jdbc.inTransaction(h -> new MediaRequestRepository(jdbc).insert(h, newRequest(tmdb)).id());
    }

    private NewMediaRequest newRequest(int tmdb) {
        return new NewMediaRequest(UUID.randomUUID(), owner, MediaType.MOVIE, tmdb, "Synthetic Film " + tmdb,
                RequestStatus.PENDING, List.of(), null, CLOCK.instant());
    }

    private void change(UUID id, RequestStatus to) {
        jdbc.inTransaction(h -> {
            new MediaRequestRepository(jdbc).transition(h, id, List.of(RequestStatus.PENDING), to, null, null,
                    CLOCK.instant()).orElseThrow();
            if (to == RequestStatus.APPROVED) {
                server.integrations().forwarder().enqueueApprove(h, id);
            } else {
                server.integrations().forwarder().enqueueDecline(h, id, "not this year");
            }
            return null;
        });
    }

    private int upstreamStatus(UUID request) {
        return overseerr.mediaRequest(overseerrId(request)).orElseThrow().status();
    }

    private Integer overseerrId(UUID request) {
        return jdbc.queryOne("SELECT overseerr_id FROM media_requests WHERE id = ?",
                r -> r.nullableInt("overseerr_id"), request).orElse(null);
    }

    private OutboxWorker worker() {
        return server.integrations().outboxWorker();
    }

    private OutboxRepository outbox() {
        return server.integrations().outbox();
    }

    private String breakerState() {
        return server.integrations().resilience().breakers().stream().filter(b -> b.name().equals("overseerr"))
                .findFirst().orElseThrow().state().wire();
    }

    /** The standard catalogue plus 200 requestable films, so a hundred distinct requests are possible. */
    private static SampleCatalog catalog() {
        List<SampleTitle> titles = new ArrayList<>(SampleCatalog.standard().titles());
        for (int i = 1; i <= 200; i++) {
            titles.add(new SampleTitle(app.medianest.fakes.MediaType.MOVIE, BASE_TMDB + i, null, "tt9" + i,
                    "Synthetic Film " + i, null, 2020, "2020-01-01", "A film made up for tests.", List.of("Drama"),
                    "PG", "Test Studio", 7.0, 100, List.of(), false));
        }
        return new SampleCatalog(titles, SampleCatalog.standard().collections());
    }
}
