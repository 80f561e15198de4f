package app.medianest.server.flags;

import app.medianest.fakes.FakePlex;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.IntegrationServer;
import app.medianest.server.testing.ManualClock;
import app.medianest.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The feature flags {@code data-cache} and {@code stale-fallback}, switched by an admin over HTTP, seen from a
 * client (the {@code X-Cache} header, the status) and from the fake Plex (how many calls reached it).
 */
class UpstreamCacheFlagsTest {
    private static final String LIBRARIES = "/api/v1/plex/libraries";
    private static final ManualClock CLOCK = ManualClock.now();
    private static TestDatabase db;
    private static FakePlex plex;
    private static IntegrationServer server;
    private static String user;

    @BeforeAll
    static void start() {
        plex = FakePlex.start();
        db = TestDatabase.create(DbKind.H2);
        server = IntegrationServer.start(db, CLOCK, Map.of("resilience.retry-attempts", "1"));
        var put = server.put("/api/v1/admin/services/plex", "{\"url\":\"" + plex.baseUrl() + "\",\"apiKey\":\""
                + FakePlex.DEFAULT_TOKEN + "\",\"enabled\":true}", server.adminToken());
        assertEquals(200, put.status(), put.body());
        user = server.newUser("viewer");
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
        plex.close();
    }

    @BeforeEach
    void freshAnswers() {
        plex.heal();
        CLOCK.advanceSeconds(600);   // every cached answer has expired
        server.post("/api/v1/admin/circuit-breakers/plex/reset", "{}", server.adminToken());
    }

    @AfterEach
    void flagsBackOn() {
        plex.heal();
        flags("{\"data-cache\": true, \"stale-fallback\": true}");
    }

    private static void flags(String body) {
        var r = server.put("/api/v1/admin/feature-flags", body, server.adminToken());
        assertEquals(200, r.status(), r.body());
    }

    /** Reads the libraries and returns the X-Cache header, checking the number of calls that reached Plex. */
    private static String read(long plexCallsExpected) {
        long before = plex.totalRequestCount();
        var r = server.get(LIBRARIES, user);
        assertEquals(200, r.status(), r.body());
        assertEquals(2, r.data().size(), r.body());
        long calls = plex.totalRequestCount() - before;
        assertEquals(plexCallsExpected > 0, calls > 0, "calls that reached Plex: " + calls);
        return r.header("X-Cache");
    }

    @Test
    void dataCacheOffSendsEveryReadToPlexAndOnAgainCachesAgain() {
        assertEquals("MISS", read(1));
        assertEquals("HIT", read(0));

        flags("{\"data-cache\": false}");
        assertEquals("BYPASS", read(1));
        assertEquals("BYPASS", read(1));

        flags("{\"data-cache\": true}");
        assertEquals("MISS", read(1));
        assertEquals("HIT", read(0));
    }

    @Test
    void staleFallbackOffTurnsAPlexOutageIntoAnErrorAndOnAgainIntoTheLastGoodAnswer() {
        assertEquals("MISS", read(1));
        CLOCK.advanceSeconds(121);   // past cache.ttl.service: the next read asks Plex
        plex.failWith(500);
        var stale = server.get(LIBRARIES, user);
        assertEquals(200, stale.status(), stale.body());
        assertEquals("STALE", stale.header("X-Cache"));

        flags("{\"stale-fallback\": false}");
        var failed = server.get(LIBRARIES, user);
        assertEquals(503, failed.status(), failed.body());
        assertEquals("SERVICE_UNAVAILABLE", failed.errorCode());

        flags("{\"stale-fallback\": true}");
        var again = server.get(LIBRARIES, user);
        assertEquals(200, again.status(), again.body());
        assertEquals("STALE", again.header("X-Cache"));
    }
}
