package app.medianest.server.requests;

import app.medianest.model.MediaRequestView;
import app.medianest.model.MediaType;
import app.medianest.model.RequestStatus;
import app.medianest.model.Role;
import app.medianest.model.events.ServerEvent;
import app.medianest.server.http.Principal;
import app.medianest.server.db.Handle;
import app.medianest.server.db.Jdbc;
import app.medianest.server.notifications.NotificationRepository;
import app.medianest.server.notifications.NotificationService;
import app.medianest.server.requests.RequestForwarder.Action;
import app.medianest.server.testing.DatabasePerKind;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.Fixtures;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.users.User;
import app.medianest.server.users.UserRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link RequestForwarder} seam as the Overseerr outbox uses it: an outbox row written with the change's handle
 * commits (or rolls back) with the change; {@code committed} runs after the commit; failures after the commit
 * do not fail the call; changes reported by Overseerr are not forwarded back.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class RequestForwarderSeamTest {
    private static final DatabasePerKind DATABASES = new DatabasePerKind();
    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");

    @Parameter
    DbKind kind;

    private Jdbc jdbc;
    private MediaRequestRepository repo;
    private NotificationService notifier;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<ServerEvent> published = new ArrayList<>();
    private Principal alice;
    private Principal admin;

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    @BeforeEach
    void clean() {
        TestDatabase db = DATABASES.get(kind);
        jdbc = db.open().jdbc();
        db.truncateAll();
        repo = new MediaRequestRepository(jdbc);
        notifier = new NotificationService(new NotificationRepository(jdbc), new UserRepository(jdbc));
        alice = principal(Fixtures.user(jdbc, "alice", Role.USER));
        admin = principal(Fixtures.user(jdbc, "root", Role.ADMIN));
    }

    /** Writes an outbox row in the change's transaction and checks, after commit, that the change is visible. */
    private final class OutboxForwarder implements RequestForwarder {
        @Override
        public void enqueue(Handle h, Action action, MediaRequestView request) {
            calls.add("enqueue " + action.wire());
            if (action != Action.DELETE) {
                h.update("INSERT INTO request_outbox (id, request_id, action, next_attempt_at, created_at) VALUES "
                        + "(?, ?, ?, ?, ?)", UUID.randomUUID(), request.id(), action.wire(), NOW, NOW);
            }
        }

        @Override
        public void committed(Action action, MediaRequestView request) {
            long visible = jdbc.queryLong("SELECT COUNT(*) AS n FROM media_requests WHERE id = ?", request.id());
            calls.add("committed " + action.wire() + (visible == (action == Action.DELETE ? 0 : 1) ? "" : " EARLY"));
        }
    }

    private RequestService service(RequestForwarder forwarder) {
        return new RequestService(jdbc, repo, notifier, published::addAll, forwarder,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void everyChangeIsEnqueuedInItsTransactionAndReportedAfterCommit() {
        RequestService s = service(new OutboxForwarder());
        MediaRequestView a = s.create(alice, MediaType.MOVIE, 603, "The Matrix", List.of());
        MediaRequestView b = s.create(alice, MediaType.TV, 1399, "Game of Thrones", List.of(1));
        MediaRequestView c = s.create(alice, MediaType.MOVIE, 604, "Reloaded", List.of());
        s.approve(admin, a.id());
        s.decline(admin, b.id(), "no");
        s.delete(alice, c.id());
        assertEquals(List.of("enqueue create", "committed create", "enqueue create", "committed create",
                "enqueue create", "committed create", "enqueue approve", "committed approve", "enqueue decline",
                "committed decline", "enqueue delete", "committed delete"), calls);
        // The deleted request's outbox row went with it (ON DELETE CASCADE).
        assertEquals(List.of("approve", "create", "create", "decline"), jdbc.query("SELECT action FROM request_outbox "
                + "ORDER BY action", r -> r.string("action")));
        assertEquals(6, published.size(), "one request.updated per change");
    }

    @Test
    void aFailingEnqueueRollsTheChangeBack() {
        RequestService s = service(new RequestForwarder() {
            @Override
            public void enqueue(Handle h, Action action, MediaRequestView request) {
                throw new IllegalStateException("outbox unavailable");
            }
        });
        assertThrows(IllegalStateException.class, () -> s.create(alice, MediaType.MOVIE, 603, "The Matrix",
                List.of()));
        assertEquals(0, repo.total());
        assertEquals(0, jdbc.queryLong("SELECT COUNT(*) AS n FROM notifications"), "the admin was not told either");
        assertTrue(published.isEmpty());
    }

    @Test
    void aFailureAfterCommitDoesNotFailTheCall() {
        RequestService s = service(new RequestForwarder() {
            @Override
            public void committed(Action action, MediaRequestView request) {
                throw new IllegalStateException("worker is down");
            }
        });
        MediaRequestView r = s.create(alice, MediaType.MOVIE, 603, "The Matrix", List.of());
        assertEquals(RequestStatus.APPROVED, s.approve(admin, r.id()).status());
        assertEquals(2, published.size());
    }

    @Test
    void changesReportedByOverseerrAreNotForwardedBack() {
        RequestService s = service(new OutboxForwarder());
        MediaRequestView r = s.create(alice, MediaType.MOVIE, 603, "The Matrix", List.of());
        calls.clear();
        var outcome = new UpstreamStatusService(jdbc, repo, notifier, published::addAll, Clock.systemUTC())
                .apply(new UpstreamStatusService.Update(42, MediaType.MOVIE, 603, RequestStatus.AVAILABLE, null));
        assertTrue(outcome.applied());
        assertEquals(RequestStatus.AVAILABLE, repo.findById(r.id()).orElseThrow().status());
        assertEquals(List.of(), calls);
    }

    private static Principal principal(User u) {
        return new Principal(u.id(), u.username(), u.email(), u.role(), UUID.randomUUID(), "hash", NOW.plusSeconds(600),
                null);
    }
}
