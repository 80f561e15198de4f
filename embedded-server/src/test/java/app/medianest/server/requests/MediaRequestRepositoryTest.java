package app.medianest.server.requests;

import app.medianest.model.MediaRequestView;
import app.medianest.model.MediaType;
import app.medianest.model.RequestCounts;
import app.medianest.model.RequestStatus;
import app.medianest.model.Role;
import app.medianest.server.db.DataAccessException;
import app.medianest.server.db.Jdbc;
import app.medianest.server.db.Page;
import app.medianest.server.testing.DatabasePerKind;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.Fixtures;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.users.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class MediaRequestRepositoryTest {
    private static final DatabasePerKind DATABASES = new DatabasePerKind();
    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

    @Parameter
    DbKind kind;

    private TestDatabase db;
    private Jdbc jdbc;
    private MediaRequestRepository repo;
    private User alice;
    private User bob;


    @AfterAll
    static void close() {
        DATABASES.close();
    }

    @BeforeEach
    void clean() {
        db = DATABASES.get(kind);
        jdbc = db.open().jdbc();
        repo = new MediaRequestRepository(jdbc);
        db.truncateAll();
        alice = Fixtures.user(jdbc, "alice", Role.USER);
        bob = Fixtures.user(jdbc, "bob", Role.USER);
    }

    @Test
    void insertedRequestReadsBackWithOwnerName() {
        NewMediaRequest r = new NewMediaRequest(UUID.randomUUID(), alice.id(), MediaType.TV, 1399, "Game of Thrones",
                RequestStatus.PENDING, List.of(1, 2), null, T0);
        MediaRequestView v = jdbc.inTransaction(h -> repo.insert(h, r));
        assertEquals("alice", v.username());
        assertEquals(List.of(1, 2), v.seasons());
        assertEquals(T0, v.createdAt());
        assertEquals(RequestStatus.PENDING, v.status());
    }

    @Test
    void databaseRefusesSecondActiveRequestForSameMedia() {
        jdbc.inTransaction(h -> repo.insert(h, Fixtures.request(alice.id(), 603, "The Matrix", RequestStatus.PENDING,
                T0)));
        var e = assertThrows(DataAccessException.ConstraintViolation.class, () -> jdbc.inTransaction(h ->
                repo.insert(h, Fixtures.request(bob.id(), 603, "The Matrix", RequestStatus.PENDING, T0))));
        assertTrue(e.isUnique());
        assertEquals(1, repo.total());
    }

    @Test
    void declinedRequestCanBeRequestedAgain() {
        MediaRequestView first = jdbc.inTransaction(h -> repo.insert(h, Fixtures.request(alice.id(), 603,
                "The Matrix", RequestStatus.PENDING, T0)));
        var declined = jdbc.inTransaction(h -> repo.transition(h, first.id(), List.of(RequestStatus.PENDING),
                RequestStatus.DECLINED, "no space", bob.id(), T0.plusSeconds(5)));
        assertEquals(RequestStatus.DECLINED, declined.orElseThrow().status());
        assertEquals("no space", declined.get().declineReason());
        MediaRequestView again = jdbc.inTransaction(h -> repo.insert(h, Fixtures.request(bob.id(), 603,
                "The Matrix", RequestStatus.PENDING, T0.plusSeconds(10))));
        assertEquals(RequestStatus.PENDING, again.status());
    }

    @Test
    void transitionFromWrongStateChangesNothing() {
        MediaRequestView r = jdbc.inTransaction(h -> repo.insert(h, Fixtures.request(alice.id(), 1, "A",
                RequestStatus.AVAILABLE, T0)));
        var result = jdbc.inTransaction(h -> repo.transition(h, r.id(), List.of(RequestStatus.PENDING),
                RequestStatus.APPROVED, null, bob.id(), T0));
        assertTrue(result.isEmpty());
        assertEquals(RequestStatus.AVAILABLE, repo.findById(r.id()).orElseThrow().status());
        assertTrue(!jdbc.inTransaction(h -> repo.deleteIfPending(h, r.id())));
    }

    @Test
    void keysetPagesVisitEveryRowExactlyOnceInEverySortAndOrder() {
        List<NewMediaRequest> rows = new ArrayList<>();
        String[] titles = {"alpha", "Beta", "gamma", "Delta", "epsilon", "zeta", "Alpha"};
        RequestStatus[] statuses = RequestStatus.values();
        for (int i = 0; i < 230; i++) {
            // Many rows share a timestamp or a title so the id tie-breaker is exercised.
            rows.add(Fixtures.request(i % 3 == 0 ? bob.id() : alice.id(), 1000 + i, titles[i % titles.length],
                    statuses[i % statuses.length], T0.plusSeconds(i / 4)));
        }
        Fixtures.insert(jdbc, rows);
        for (String sort : List.of("createdAt", "title", "status")) {
            for (boolean desc : new boolean[] {true, false}) {
                List<MediaRequestView> all = drain(RequestFilter.NONE, sort, desc, 17);
                assertEquals(230, all.size(), sort + " " + desc);
                assertEquals(230, new HashSet<>(all.stream().map(MediaRequestView::id).toList()).size());
                assertSorted(all, sort, desc);
                List<MediaRequestView> mine = drain(RequestFilter.NONE.withUser(alice.id()), sort, desc, 20);
                assertEquals(rows.stream().filter(r -> r.userId().equals(alice.id())).count(), mine.size());
                assertTrue(mine.stream().allMatch(r -> r.userId().equals(alice.id())));
            }
        }
    }

    @Test
    void filtersCombineAndSearchTreatsWildcardsLiterally() {
        Fixtures.insert(jdbc, List.of(
                Fixtures.request(alice.id(), 1, "100% Wolf", RequestStatus.PENDING, T0),
                Fixtures.request(alice.id(), 2, "1000 Ways", RequestStatus.PENDING, T0.plusSeconds(1)),
                Fixtures.request(alice.id(), 3, "The Wolf of Wall Street", RequestStatus.AVAILABLE, T0.plusSeconds(2)),
                Fixtures.request(bob.id(), 4, "Wolfwalkers", RequestStatus.PENDING, T0.plusSeconds(3)),
                Fixtures.request(alice.id(), 5, "under_score", RequestStatus.PENDING, T0.plusSeconds(4))));
        assertEquals(List.of("100% Wolf"), titles(new RequestFilter(null, null, null, "100%", null, null)));
        assertEquals(List.of("under_score"), titles(new RequestFilter(null, null, null, "r_s", null, null)));
        assertEquals(List.of("Wolfwalkers", "The Wolf of Wall Street", "100% Wolf"),
                titles(new RequestFilter(null, null, null, "WOLF", null, null)));
        assertEquals(List.of("100% Wolf"), titles(new RequestFilter(alice.id(), RequestStatus.PENDING,
                MediaType.MOVIE, "wolf", null, null)));
        assertEquals(List.of("1000 Ways"), titles(new RequestFilter(null, null, null, null, T0.plusSeconds(1),
                T0.plusSeconds(2))));
    }

    @Test
    void cursorOfAnotherSortOrOrderIsRejected() {
        List<NewMediaRequest> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(Fixtures.request(alice.id(), 10 + i, "t" + i, RequestStatus.PENDING, T0.plusSeconds(i)));
        }
        Fixtures.insert(jdbc, rows);
        String cursor = repo.list(RequestFilter.NONE, "createdAt", true, null, 2).nextCursor();
        assertThrows(IllegalArgumentException.class, () -> repo.list(RequestFilter.NONE, "title", true, cursor, 2));
        assertThrows(IllegalArgumentException.class, () -> repo.list(RequestFilter.NONE, "createdAt", false, cursor, 2));
        assertThrows(IllegalArgumentException.class, () -> repo.list(RequestFilter.NONE, "createdAt", true, "x'--", 2));
        assertThrows(IllegalArgumentException.class, () -> repo.list(RequestFilter.NONE, "created_at; drop", true,
                null, 2));
    }

    @Test
    void countsComeFromOneGroupedQueryPerUser() {
        Fixtures.insert(jdbc, List.of(
                Fixtures.request(alice.id(), 1, "a", RequestStatus.PENDING, T0),
                Fixtures.request(alice.id(), 2, "b", RequestStatus.PENDING, T0),
                Fixtures.request(alice.id(), 3, "c", RequestStatus.DECLINED, T0),
                Fixtures.request(bob.id(), 4, "d", RequestStatus.AVAILABLE, T0)));
        assertEquals(new RequestCounts(2, 0, 1, 0, 0, 3), repo.counts(alice.id()));
        assertEquals(new RequestCounts(2, 0, 1, 1, 0, 4), repo.counts(null));
    }

    private List<String> titles(RequestFilter f) {
        return repo.list(f, "createdAt", true, null, 100).items().stream().map(MediaRequestView::title).toList();
    }

    private List<MediaRequestView> drain(RequestFilter f, String sort, boolean desc, int limit) {
        List<MediaRequestView> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<MediaRequestView> page = repo.list(f, sort, desc, cursor, limit);
            assertTrue(page.items().size() <= limit);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    private static void assertSorted(List<MediaRequestView> rows, String sort, boolean desc) {
        Comparator<MediaRequestView> c = switch (sort) {
            case "title" -> Comparator.comparing((MediaRequestView r) -> r.title().toLowerCase(Locale.ROOT));
            case "status" -> Comparator.comparing((MediaRequestView r) -> r.status().wire())
                    .thenComparing(MediaRequestView::createdAt);
            default -> Comparator.comparing(MediaRequestView::createdAt);
        };
        // Ties on the sort key are broken by id in the database's UUID order, so only the key is checked here
        // (uniqueness and completeness are checked by the caller). Titles are ASCII so collations agree.
        for (int i = 1; i < rows.size(); i++) {
            int cmp = c.compare(rows.get(i - 1), rows.get(i));
            assertTrue(desc ? cmp >= 0 : cmp <= 0, "out of order at " + i + " for " + sort);
        }
    }
}
