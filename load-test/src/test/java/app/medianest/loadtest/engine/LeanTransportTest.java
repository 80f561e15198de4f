package app.medianest.loadtest.engine;

import static app.medianest.loadtest.testing.ScriptedHttpServer.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.medianest.loadtest.config.Auth;
import app.medianest.loadtest.config.EndpointMix;
import app.medianest.loadtest.config.LoadTestConfig;
import app.medianest.loadtest.testing.ScriptedHttpServer;
import app.medianest.loadtest.testing.ScriptedHttpServer.After;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeanTransportTest {

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";

    private ScriptedHttpServer server;
    private final CountDownLatch never = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = ScriptedHttpServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        never.countDown();
        server.close();
    }

    private HttpTransport.UserClient user(Duration timeout) {
        return new LeanTransport(server.baseUrl(), timeout).openUser();
    }

    private URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    @Test
    void oneUserSendsPreparedRequestsOverOneKeepAliveConnection() throws Exception {
        server.on("/ok", (request, out) -> {
            write(out, OK);
            return After.KEEP_OPEN;
        });
        try (HttpTransport.UserClient client = user(Duration.ofSeconds(5))) {
            HttpTransport.PreparedGet get = client.prepareGet(uri("/ok?page=2"), "tok-1");
            for (int i = 0; i < 50; i++) {
                assertEquals(Outcome.status(200), get.send());
            }
        }
        assertEquals(1, server.connections());
        ScriptedHttpServer.Request first = server.requests().getFirst();
        assertTrue(first.head().startsWith("GET /ok?page=2 HTTP/1.1\r\n"), first.head());
        assertTrue(first.head().contains("\r\nHost: 127.0.0.1:" + server.baseUrl().getPort() + "\r\n"), first.head());
        assertTrue(first.head().contains("\r\nAuthorization: Bearer tok-1\r\n"), first.head());
    }

    @Test
    void chunkedResponsesWrittenInPiecesAreReadWhole() throws Exception {
        server.on("/chunked", (request, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            write(out, "4\r\n{\"a\"\r\n");
            write(out, "7;x=y\r\n:[1,2]}\r\n0\r\n");
            write(out, "X-Checksum: 1\r\n\r\n");
            return After.KEEP_OPEN;
        }).on("/api/v1/auth/login", (request, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{\"data\":{\"token\"\r\n");
            write(out, "b\r\n:\"tok-42\"}}\r\n0\r\n\r\n");
            return After.KEEP_OPEN;
        });
        try (HttpTransport.UserClient client = user(Duration.ofSeconds(5))) {
            LoginAttempt login = client.login(uri("/api/v1/auth/login"),
                    LoginAttempt.body(new Auth.Credentials("ann", "pw")));
            assertEquals("tok-42", login.token(), login.toString());
            HttpTransport.PreparedGet get = client.prepareGet(uri("/chunked"), login.token());
            for (int i = 0; i < 5; i++) {
                assertEquals(Outcome.status(200), get.send());
            }
        }
        assertEquals(1, server.connections(), "the chunked framing was followed exactly");
        assertEquals("{\"password\":\"pw\",\"username\":\"ann\"}".length(),
                server.requests().getFirst().body().length());
    }

    @Test
    void connectionCloseAndBodiesUpToTheEndOfTheStreamMakeTheNextRequestReconnect() throws Exception {
        server.on("/close", (request, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}");
            return After.CLOSE;
        }).on("/eof", (request, out) -> {
            write(out, "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{\"until\":\"the end\"}");
            return After.CLOSE;
        });
        try (HttpTransport.UserClient client = user(Duration.ofSeconds(5))) {
            HttpTransport.PreparedGet close = client.prepareGet(uri("/close"), null);
            HttpTransport.PreparedGet eof = client.prepareGet(uri("/eof"), null);
            for (int i = 0; i < 3; i++) {
                assertEquals(Outcome.status(200), close.send());
                assertEquals(Outcome.status(200), eof.send());
            }
        }
        assertEquals(6, server.connections());
        assertTrue(server.requests().stream().noneMatch(r -> r.head().contains("Authorization")));
    }

    @Test
    void aKeepAliveConnectionTheServerClosedWhileIdleIsReplacedWithoutAnError() throws Exception {
        server.on("/idle-close", (request, out) -> {
            write(out, OK); // says keep-alive, then closes as an idle timeout would
            return After.CLOSE;
        });
        try (HttpTransport.UserClient client = user(Duration.ofSeconds(5))) {
            HttpTransport.PreparedGet get = client.prepareGet(uri("/idle-close"), null);
            for (int i = 0; i < 4; i++) {
                assertEquals(Outcome.status(200), get.send(), "request " + i);
            }
        }
        assertEquals(4, server.hits("/idle-close"), "each request reached the server once");
        assertEquals(4, server.connections());
    }

    @Test
    void failuresBecomeTransportErrorsByKindAndTheNextRequestStartsAfresh() throws Exception {
        server.on("/garbage", (request, out) -> {
            write(out, "hello there\r\n\r\n");
            return After.KEEP_OPEN;
        }).on("/cut", (request, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this");
            return After.CLOSE;
        }).on("/hang", (request, out) -> {
            never.await();
            return After.CLOSE;
        }).on("/ok", (request, out) -> {
            write(out, OK);
            return After.KEEP_OPEN;
        });
        try (HttpTransport.UserClient client = user(Duration.ofMillis(300))) {
            assertEquals(Outcome.transport(new java.net.ProtocolException()),
                    client.prepareGet(uri("/garbage"), null).send());
            assertEquals(Outcome.status(200), client.prepareGet(uri("/ok"), null).send());
            assertEquals(new Outcome(0, "io"), client.prepareGet(uri("/cut"), null).send());
            long start = System.nanoTime();
            assertEquals(new Outcome(0, "timeout"), client.prepareGet(uri("/hang"), null).send());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 250 && millis < 3000, "gave up after the request timeout: " + millis + " ms");
            assertEquals(Outcome.status(200), client.prepareGet(uri("/ok"), null).send());
        }
        assertEquals(1, server.hits("/cut"), "a request whose response had started is never sent twice");
        assertEquals(4, server.connections(), "a fresh connection after each failure");
    }

    @Test
    void theEngineCountsStatusesAndTransportErrorsAsTheServerSentThem() throws Exception {
        server.on("/ok", (request, out) -> {
            write(out, OK);
            return After.KEEP_OPEN;
        }).on("/unavailable", (request, out) -> {
            write(out, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 2\r\n\r\n{}");
            return After.KEEP_OPEN;
        }).on("/garbage", (request, out) -> {
            write(out, "HTTP/1.1 OK\r\n\r\n");
            return After.CLOSE;
        }).on("/cut", (request, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nshort");
            return After.CLOSE;
        });
        LoadTestConfig config = LoadTestConfig.builder(server.baseUrl()).users(3).sustain(Duration.ofMillis(700))
                .thinkTime(Duration.ofMillis(2)).mix(EndpointMix.parse("/ok=2,/unavailable=1,/garbage=1,/cut=1"))
                .build();

        LoadTestResult result = LoadTestEngine.builder(config).build().run();

        Map<String, EndpointStats> byPath = new java.util.HashMap<>();
        result.endpoints().forEach(e -> byPath.put(e.endpoint(), e));
        for (String path : List.of("/ok", "/unavailable", "/garbage", "/cut")) {
            assertEquals(server.hits(path), byPath.get(path).requests(), "client and server agree on " + path);
            assertTrue(byPath.get(path).requests() > 5, path + ": " + byPath.get(path));
        }
        assertEquals(Map.of(), byPath.get("/ok").errorsByStatus());
        assertEquals(0, byPath.get("/ok").errors());
        assertEquals(Map.of(503, server.hits("/unavailable")), byPath.get("/unavailable").errorsByStatus());
        assertEquals(Map.of("protocol", server.hits("/garbage")), byPath.get("/garbage").transportErrors());
        assertEquals(Map.of("io", server.hits("/cut")), byPath.get("/cut").transportErrors());
        EndpointStats all = result.overall();
        assertEquals(all.requests() - server.hits("/ok"), all.errors());
        assertNull(result.baselineRatio());
    }
}
