package app.medianest.server.events;

import app.medianest.server.testing.Api;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.SseClient;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An open live-event stream must not hold a shutdown for the whole grace period. */
class EventsShutdownTest {
    @Test
    void stoppingTheServerEndsOpenStreamsAtOnce() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            TestServer server = TestServer.start(db, Clock.systemUTC(), Map.of("server.shutdown-grace", "20s"));
            Api.Caller alice = new Api(server).user("alice");
            try (SseClient stream = SseClient.open(server, alice.auth())) {
                assertEquals(200, stream.status());
                long start = System.nanoTime();
                server.close();
                double seconds = (System.nanoTime() - start) / 1e9;
                stream.awaitEnd(Duration.ofSeconds(5));
                assertTrue(seconds < 10, "stop took " + seconds + " s with a 20 s grace period");
            }
        }
    }
}
