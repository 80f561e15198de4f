package app.medianest.loadtest.engine;

import static app.medianest.loadtest.testing.ScriptedHttpServer.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.medianest.loadtest.config.EndpointMix;
import app.medianest.loadtest.config.LoadTestConfig;
import app.medianest.loadtest.testing.ScriptedHttpServer;
import app.medianest.loadtest.testing.ScriptedHttpServer.After;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event-loop users (without and with think time) against a server that writes raw bytes. */
class EventLoopTest {

    private ScriptedHttpServer server;
    private final CountDownLatch never = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = ScriptedHttpServer.start().on("/ok", (request, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
            return After.KEEP_OPEN;
        }).on("/chunked", (request, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n");
            write(out, "4\r\n{\"a\"\r\n");
            write(out, "7;x=y\r\n:[1,2]}\r\n0\r\n");
            write(out, "X-Checksum: 1\r\n\r\n");
            return After.KEEP_OPEN;
        }).on("/close", (request, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 2\r\n\r\n{}");
            return After.CLOSE;
        }).on("/eof", (request, out) -> {
            write(out, "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{\"until\":\"the end\"}");
            return After.CLOSE;
        }).on("/idle-close", (request, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"); // keep-alive, then closed as if idle
            return After.CLOSE;
        }).on("/hang", (request, out) -> {
            never.await();
            return After.CLOSE;
        });
    }

    @AfterEach
    void stop() throws Exception {
        never.countDown();
        server.close();
    }

    private LoadTestResult run(URI baseUrl, int users, String mix, Duration timeout) throws InterruptedException {
        LoadTestConfig config = LoadTestConfig.builder(baseUrl).users(users).sustain(Duration.ofMillis(600))
                .thinkTime(Duration.ZERO).mix(EndpointMix.parse(mix)).requestTimeout(timeout).build();
        assertNotNull(PhaseRunner.eventLoops(config.threads(), new LeanTransport(baseUrl, timeout)),
                "event loops are the default");
        return LoadTestEngine.builder(config).build().run();
    }

    private static Map<String, EndpointStats> byPath(LoadTestResult result) {
        Map<String, EndpointStats> byPath = new HashMap<>();
        result.endpoints().forEach(e -> byPath.put(e.endpoint(), e));
        return byPath;
    }

    @Test
    void keepAliveConnectionsCarryEveryRequestAndChunksInPiecesAreFramedExactly() throws Exception {
        LoadTestResult result = run(server.baseUrl(), 3, "/ok=1,/chunked=1", Duration.ofSeconds(5));

        assertEquals(0, result.overall().errors(), result.overall().toString());
        assertEquals(3, server.connections(), "one keep-alive connection per user for the whole run");
        Map<String, EndpointStats> byPath = byPath(result);
        for (String path : new String[] {"/ok", "/chunked"}) {
            assertTrue(byPath.get(path).requests() > 20, path + ": " + byPath.get(path));
            assertEquals(server.hits(path), byPath.get(path).requests(), "client and server agree on " + path);
        }
        assertEquals(result.overall().requests(), result.overall().serviceTime().count(), "every answer timed");
        LatencyPercentiles service = result.overall().serviceTime();
        LatencyPercentiles response = result.overall().responseTime();
        assertTrue(response.p50Ms() <= service.p50Ms() + 0.3,
                "without think time each request is meant to leave when the last one completed: " + response + " "
                        + service);
    }

    @Test
    void closedConnectionsAndBodiesUpToTheEndOfTheStreamReconnectWithoutErrorsOrRepeats() throws Exception {
        LoadTestResult result = run(server.baseUrl(), 2, "/close=1,/eof=1,/idle-close=1", Duration.ofSeconds(5));

        assertEquals(0, result.overall().errors(), result.overall().toString());
        long hits = server.hits("/close") + server.hits("/eof") + server.hits("/idle-close");
        assertTrue(hits > 20, "requests: " + hits);
        assertEquals(hits, result.overall().requests(), "each request reached the server once");
        assertEquals(hits, server.connections(), "a new connection after each close");
    }

    @Test
    void aHungRequestEndsAsATimeoutAndARefusedConnectionAsAConnectError() throws Exception {
        LoadTestResult hung = run(server.baseUrl(), 1, "/hang=1", Duration.ofMillis(200));
        assertEquals(Map.of("timeout", hung.overall().requests()), hung.overall().transportErrors());
        assertTrue(hung.overall().requests() >= 2 && hung.overall().requests() <= 4, hung.overall().toString());

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LoadTestResult refused = run(URI.create("http://127.0.0.1:" + closedPort), 2, "/ok=1", Duration.ofSeconds(1));
        assertTrue(refused.overall().requests() > 10, refused.overall().toString());
        assertEquals(Map.of("connect", refused.overall().requests()), refused.overall().transportErrors());
        assertEquals(0, refused.overall().serviceTime().count(), "no response, no latency");
    }

    @Test
    void eachUserWaitsItsThinkTimeAfterEveryResponseGiveOrTakeTheMillisecondWrkAlsoRoundsTo() throws Exception {
        long think = Duration.ofMillis(20).toNanos();
        Map<Integer, List<long[]>> byConnection = new ConcurrentHashMap<>();
        server.on("/think", (request, out) -> {
            long arrived = System.nanoTime();
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
            byConnection.computeIfAbsent(request.connection(), c -> Collections.synchronizedList(new ArrayList<>()))
                    .add(new long[] {arrived, System.nanoTime()});
            return After.KEEP_OPEN;
        });
        LoadTestConfig config = LoadTestConfig.builder(server.baseUrl()).users(3).sustain(Duration.ofSeconds(1))
                .thinkTime(Duration.ofNanos(think)).mix(EndpointMix.parse("/think=1")).build();
        assertNotNull(PhaseRunner.eventLoops(config.threads(), new LeanTransport(server.baseUrl(),
                config.requestTimeout())), "event loops with think time too");

        LoadTestResult result = LoadTestEngine.builder(config).build().run();

        assertEquals(0, result.overall().errors(), result.overall().toString());
        assertEquals(3, byConnection.size(), "one keep-alive connection per user");
        List<Long> waits = new ArrayList<>();
        long millis = Duration.ofMillis(1).toNanos();
        for (List<long[]> requests : byConnection.values()) {
            int n = requests.size();
            assertTrue(n >= 25 && n <= 51, "about one request per 20 ms for a second: " + n);
            for (int i = 1; i < n; i++) {
                // from the server's answer to the same user's next request: the think time, counted from the
                // start of the millisecond the response completed in
                waits.add(requests.get(i)[0] - requests.get(i - 1)[1]);
            }
            // over the whole run, so a late reading of the server's clock does not count: each request follows
            // the previous one by its response time plus the think time, less at most the rounded millisecond
            long meanPeriod = (requests.get(n - 1)[0] - requests.getFirst()[0]) / (n - 1);
            assertTrue(meanPeriod >= think - millis - millis / 4, "no request leaves early: " + meanPeriod);
        }
        Collections.sort(waits);
        long median = waits.get(waits.size() / 2);
        assertTrue(median >= think - millis && median <= think + 5 * millis,
                "the median wait is the think time: " + median);
    }
}
