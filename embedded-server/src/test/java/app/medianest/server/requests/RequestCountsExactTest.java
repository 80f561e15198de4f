package app.medianest.server.requests;

import app.medianest.model.MediaType;
import app.medianest.model.RequestCounts;
import app.medianest.model.RequestStatus;
import app.medianest.model.Role;
import app.medianest.server.db.Jdbc;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The all-requests counts and the number of people come from counts the repositories keep (row_counts, V61), not
 * from counting the tables: they must equal a real count after concurrent inserts, status changes (several
 * writers racing for the same requests) and deletes, and after a rolled-back insert.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class RequestCountsExactTest {
    private static final DatabasePerKind DATABASES = new DatabasePerKind();
    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

    @Parameter
    DbKind kind;

    private Jdbc jdbc;
    private MediaRequestRepository repo;
    private User alice;

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    @BeforeEach
    void clean() {
        TestDatabase db = DATABASES.get(kind);
        jdbc = db.open().jdbc();
        repo = new MediaRequestRepository(jdbc);
        db.truncateAll();
        alice = Fixtures.user(jdbc, "alice", Role.USER);
    }

    @Test
    void countsStayExactUnderConcurrentInsertsTransitionsAndDeletes() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            jdbc.inTransaction(h -> repo.insert(h, new NewMediaRequest(id, alice.id(), MediaType.MOVIE,
                    1_000 + ids.size(), "Film " + ids.size(), RequestStatus.PENDING, List.of(), null, T0)));
        }
        int writers = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    go.await();
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    for (int i = 0; i < 60; i++) {
                        UUID target = ids.get(rnd.nextInt(ids.size()));
                        int tmdb = 100_000 + writer * 1_000 + i;
                        switch (rnd.nextInt(5)) {
                            case 0 -> jdbc.inTransaction(h -> repo.insert(h, new NewMediaRequest(UUID.randomUUID(),
                                    alice.id(), MediaType.TV, tmdb, "Show", RequestStatus.PENDING,
                                    List.of(1), null, T0)));
                            case 1 -> jdbc.inTransaction(h -> repo.transition(h, target, List.of(RequestStatus.PENDING),
                                    RequestStatus.APPROVED, null, alice.id(), T0));
                            case 2 -> jdbc.inTransaction(h -> repo.transition(h, target,
                                    List.of(RequestStatus.PENDING, RequestStatus.APPROVED), RequestStatus.DECLINED,
                                    "no", alice.id(), T0));
                            case 3 -> jdbc.inTransaction(h -> repo.transition(h, target,
                                    List.of(RequestStatus.APPROVED, RequestStatus.DECLINED), RequestStatus.AVAILABLE,
                                    null, null, T0));
                            default -> jdbc.inTransaction(h -> repo.deleteIfPending(h, target));
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertEquals(counted(), repo.counts(null));
        assertTrue(repo.counts(null).total() > 0);
        assertEquals(jdbc.queryLong("SELECT COUNT(*) AS n FROM media_requests WHERE user_id = ?", alice.id()),
                jdbc.queryLong("SELECT request_count AS n FROM users WHERE id = ?", alice.id()),
                "the owner's request count (admin user list)");
    }

    @Test
    void aRolledBackInsertAndADeleteOfANonPendingRequestLeaveTheCountsAlone() {
        UUID id = UUID.randomUUID();
        jdbc.inTransaction(h -> repo.insert(h, new NewMediaRequest(id, alice.id(), MediaType.MOVIE, 603, "The Matrix",
                RequestStatus.AVAILABLE, List.of(), null, T0)));
        try {
            jdbc.inTransaction(h -> {
                repo.insert(h, new NewMediaRequest(UUID.randomUUID(), alice.id(), MediaType.MOVIE, 604, "Other",
                        RequestStatus.PENDING, List.of(), null, T0));
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the insert and its count went together
        }
        boolean deleted = jdbc.inTransaction(h -> repo.deleteIfPending(h, id));
        assertFalse(deleted, "an available request is not deleted");
        assertEquals(new RequestCounts(0, 0, 0, 1, 0, 1), repo.counts(null));
        assertEquals(counted(), repo.counts(null));
    }

    @Test
    void thePeopleCountFollowsInsertsAndDeletesOfUsers() {
        UserRepository users = new UserRepository(jdbc);
        User bob = Fixtures.user(jdbc, "bob", Role.ADMIN);
        assertEquals(2, users.count());
        assertTrue(users.delete(bob.id()));
        assertFalse(users.delete(bob.id()));
        assertEquals(1, users.count());
        assertEquals(jdbc.queryLong("SELECT COUNT(*) AS n FROM users WHERE api_key_id IS NULL"), users.count());
    }

    private RequestCounts counted() {
        Map<String, Long> by = new HashMap<>();
        jdbc.query("SELECT status, COUNT(*) AS n FROM media_requests GROUP BY status",
                r -> Map.entry(r.string("status"), r.longValue("n"))).forEach(e -> by.put(e.getKey(), e.getValue()));
        long p = by.getOrDefault("pending", 0L);
        long a = by.getOrDefault("approved", 0L);
        long d = by.getOrDefault("declined", 0L);
        long v = by.getOrDefault("available", 0L);
        long f = by.getOrDefault("failed", 0L);
        return new RequestCounts(p, a, d, v, f, p + a + d + v + f);
    }
}
