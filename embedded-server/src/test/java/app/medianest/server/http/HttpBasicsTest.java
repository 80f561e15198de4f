package app.medianest.server.http;

import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract's conventions every response follows, over a real socket. */
class HttpBasicsTest {
    private static TestDatabase db;
    private static TestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.create(DbKind.H2);
        server = TestServer.start(db);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @Test
    void healthAnswersUp() {
        var r = server.get("/health");
        assertEquals(200, r.status());
        assertEquals("{\"status\":\"UP\"}", r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
    }

    @Test
    void readinessReportsDatabaseAndMigrations() {
        var r = server.get("/health/ready");
        assertEquals(200, r.status());
        assertEquals("UP", r.json().get("status").asText());
        assertEquals("UP", r.json().at("/checks/database/status").asText());
        assertEquals("UP", r.json().at("/checks/migrations/status").asText());
    }

    @Test
    void everyResponseCarriesCorrelationIdAndResponseTime() {
        var generated = server.get("/health");
        assertNotNull(generated.header("X-Correlation-Id"));
        assertTrue(generated.header("X-Response-Time").matches("\\d+\\.\\d{3}ms"), generated.header("X-Response-Time"));
        var echoed = server.get("/nowhere", "X-Correlation-Id", "abc-123");
        assertEquals("abc-123", echoed.header("X-Correlation-Id"));
        assertEquals("abc-123", echoed.json().at("/error/correlationId").asText());
        var hostile = server.get("/health", "X-Correlation-Id", "<script>alert(1)</script>");
        assertTrue(hostile.header("X-Correlation-Id").matches("[0-9a-f-]{36}"), "hostile ids are replaced");
    }

    @Test
    void unknownRouteIsJson404InTheEnvelope() {
        var r = server.get("/api/v1/does-not-exist");
        assertEquals(404, r.status());
        assertEquals(false, r.json().get("success").asBoolean());
        assertEquals("NOT_FOUND", r.errorCode());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
    }

    @Test
    void wrongMethodIs405WithAllow() {
        var r = server.send("DELETE", "/health", null);
        assertEquals(405, r.status());
        assertEquals("METHOD_NOT_ALLOWED", r.errorCode());
        assertEquals("GET", r.header("Allow"));
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        var r = server.post("/health", "x".repeat((1 << 20) + 10));
        assertEquals(413, r.status());
        assertEquals("PAYLOAD_TOO_LARGE", r.errorCode());
    }

    @Test
    void requestsHelidonRefusesBeforeRoutingStillGetTheEnvelope() {
        var r = server.get("/api/v1/media/requests?cursor=" + "a".repeat(5000));
        assertEquals(414, r.status());
        assertEquals("URI_TOO_LONG", r.errorCode());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        assertNotNull(r.header("X-Correlation-Id"));
    }

    @Test
    void securityHeadersAreOnEveryResponse() {
        for (var r : new TestServer.Res[] {server.get("/health"), server.get("/nope")}) {
            assertEquals("nosniff", r.header("X-Content-Type-Options"));
            assertEquals("DENY", r.header("X-Frame-Options"));
            assertNotNull(r.header("Referrer-Policy"));
            assertNotNull(r.header("Content-Security-Policy"));
        }
    }

    @Test
    void rawHttpClientSeesJsonForGarbagePaths() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.url("/%2e%2e/%2e%2e/etc/passwd"))).GET().build();
        HttpResponse<String> r = server.client().send(req, HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 404 || r.statusCode() == 400, "status " + r.statusCode());
        assertTrue(r.body().startsWith("{\"success\":false"), r.body());
    }
}
