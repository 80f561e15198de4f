package app.medianest.server.requests;

import app.medianest.server.testing.Api;
import app.medianest.server.testing.Api.Caller;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.ServerPerKind;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Acceptance 2: 50 concurrent creates of the same media give one 201 and 49 409 ALREADY_REQUESTED, one row. */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class ConcurrentCreateTest {
    private static final ServerPerKind SERVERS = new ServerPerKind(Map.of("db.pool.max", "20"));
    private static final int CALLERS = 50;

    @Parameter
    DbKind kind;

    private Api api;

    @AfterAll
    static void close() {
        SERVERS.close();
    }

    @BeforeEach
    void clean() {
        api = new Api(SERVERS.get(kind));
        SERVERS.db(kind).truncateAll();
    }

    @Test
    void fiftyConcurrentCreatesOfTheSameMediaMakeExactlyOneRequest() throws Exception {
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            callers.add(api.user("user" + i));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TestServer.Res>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Caller c : callers) {
                results.add(pool.submit(() -> {
                    go.await();
                    return api.post(c, "/api/v1/media/requests", "{\"mediaType\":\"movie\",\"tmdbId\":603,"
                            + "\"title\":\"The Matrix\"}");
                }));
            }
            go.countDown();
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Future<TestServer.Res> f : results) {
            TestServer.Res r = f.get();
            String key = r.status() + (r.status() == 201 ? "" : " " + r.errorCode());
            outcomes.merge(key, 1, Integer::sum);
        }
        System.out.println("[" + kind + "] 50 concurrent creates of movie 603: " + outcomes);
        assertEquals(Map.of("201", 1, "409 ALREADY_REQUESTED", CALLERS - 1), outcomes);
        assertEquals(1, SERVERS.db(kind).open().jdbc().queryLong(
                "SELECT COUNT(*) AS n FROM media_requests WHERE tmdb_id = 603"));
    }
}
