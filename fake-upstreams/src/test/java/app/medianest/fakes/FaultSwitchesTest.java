package app.medianest.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultSwitchesTest {

    private static final String STATUS = "/api/v1/status";

    private FakeOverseerr fake;
    private Http http;

    @BeforeEach
    void start() {
        fake = FakeOverseerr.start();
        http = new Http();
    }

    @AfterEach
    void stop() {
        http.close();
        fake.close();
    }

    @Test
    void countsEveryRequestPerPath() {
        http.get(fake.uri(STATUS));
        http.get(fake.uri(STATUS + "?x=1"));
        http.get(fake.uri("/api/v1/search?query=matrix"));

        assertEquals(2, fake.requestCount(STATUS));
        assertEquals(1, fake.requestCount("/api/v1/search"));
        assertEquals(3, fake.totalRequestCount());
        assertEquals("x=1", fake.requests(STATUS).get(1).rawQuery());
        fake.clearRequests();
        assertEquals(0, fake.totalRequestCount());
    }

    @Test
    void latencyDelaysEveryAnswerUntilHealed() {
        fake.latency(Duration.ofMillis(300));
        long start = System.nanoTime();
        HttpResponse<String> slow = http.get(fake.uri(STATUS));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(200, slow.statusCode());
        assertTrue(elapsedMs >= 300, "answered after " + elapsedMs + " ms");
        fake.heal();
        assertEquals(200, http.get(fake.uri(STATUS)).statusCode());
    }

    @Test
    void failWithAnswersThatStatusInTheUpstreamShapeUntilHealed() {
        fake.failWith(503);
        HttpResponse<String> failed = http.get(fake.uri(STATUS));

        assertEquals(503, failed.statusCode());
        assertEquals("Service Unavailable", Http.json(failed).path("message").asText());
        assertEquals(1, fake.requestCount(STATUS), "failed requests still count as received");
        fake.heal();
        assertEquals(200, http.get(fake.uri(STATUS)).statusCode());
    }

    @Test
    void hangKeepsRequestsUnansweredUntilHealed() throws Exception {
        fake.hang();
        var timedOut = assertThrows(UncheckedIOException.class, () -> http.send(
                Http.request(fake.uri(STATUS), Duration.ofMillis(300)).GET().build()));
        assertTrue(timedOut.getCause() instanceof HttpTimeoutException, timedOut.toString());

        CompletableFuture<HttpResponse<String>> pending = http.client().sendAsync(
                Http.request(fake.uri("/api/v1/status?late"), Http.TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        awaitCount(STATUS, 2);
        assertTrue(!pending.isDone(), "a hung request must not be answered");
        fake.heal();

        assertEquals(200, pending.get(5, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void closingDropsHungRequests() throws Exception {
        fake.hang();
        CompletableFuture<HttpResponse<String>> pending = http.client().sendAsync(
                Http.request(fake.uri(STATUS), Http.TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        awaitCount(STATUS, 1);
        fake.close();

        var dropped = assertThrows(ExecutionException.class, () -> pending.get(3, TimeUnit.SECONDS));
        assertTrue(!(dropped.getCause() instanceof HttpTimeoutException), dropped.toString());
    }

    @Test
    void refusedConnectionsComeBackOnTheSamePortAfterHeal() {
        int port = fake.port();
        URI status = fake.uri(STATUS);
        fake.refuseConnections();

        var refused = assertThrows(UncheckedIOException.class, () -> http.get(status));
        assertTrue(refused.getCause() instanceof ConnectException, refused.toString());
        fake.heal();

        assertEquals(port, fake.port());
        assertEquals(200, http.get(status).statusCode());
    }

    private void awaitCount(String path, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (fake.requestCount(path) < expected) {
            assertTrue(System.nanoTime() < deadline, "request never reached the fake");
            Thread.sleep(5);
        }
    }
}
