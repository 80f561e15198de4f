package app.medianest.server.security;

import app.medianest.server.testing.Api;
import app.medianest.server.testing.Api.Caller;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.LogCapture;
import app.medianest.server.testing.RawHttp;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding 4 (and the overlong UTF-8 of finding 9): an out-of-range report date, a broken chunked body,
 * {@code Transfer-Encoding: gzip} and HTTP/1.0 are each a 4xx in the standard envelope, with no stack trace in
 * the log.
 */
class ProtocolErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void protocolAbuseGets4xxInTheEnvelopeAndNoStackTrace() throws Exception {
        try (LogCapture logs = new LogCapture(); TestDatabase db = TestDatabase.create(DbKind.H2);
             TestServer server = TestServer.start(db)) {
            Api api = new Api(server);
            Caller admin = api.admin("root");
            Caller alice = api.user("alice");
            int port = server.server().port();

            TestServer.Res report = api.get(admin, "/api/v1/performance/report?to=-999999999-01-01T00:00:00Z");
            Api.assertInvalid(report, "to");
            Api.assertInvalid(api.get(admin, "/api/v1/performance/report?from=+999999999-01-01T00:00:00Z"), "from");

            envelope(RawHttp.send(port, "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nzz\r\n", 5_000), 400);
            envelope(RawHttp.send(port, "GET /api/v1/media/requests HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\nzz\r\n", 5_000), 401);
            envelope(RawHttp.send(port, "POST /api/v1/media/requests HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + alice.token() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\n{\"med\r\nzz\r\n", 5_000), 400);
            RawHttp.Answer gzip = RawHttp.send(port, "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\nabc", 5_000);
            envelope(gzip, 400);
            RawHttp.Answer http10 = RawHttp.send(port, "GET /health HTTP/1.0\r\n\r\n", 5_000);
            assertEquals("HTTP_VERSION_NOT_SUPPORTED", envelope(http10, 400).at("/error/code").asText());

            // An overlong "/" (C0 AF) is invalid UTF-8: refused, never stored as "/".
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("{\"mediaType\":\"movie\",\"tmdbId\":77,\"title\":\"a".getBytes(StandardCharsets.UTF_8));
            body.write(0xC0);
            body.write(0xAF);
            body.writeBytes("b\"}".getBytes(StandardCharsets.UTF_8));
            byte[] b = body.toByteArray();
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            req.writeBytes(("POST /api/v1/media/requests HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: "
                    + "Bearer " + alice.token() + "\r\nContent-Type: application/json\r\nContent-Length: " + b.length
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            req.writeBytes(b);
            RawHttp.Answer overlong = RawHttp.send(port, req.toByteArray(), 5_000);
            assertEquals("BAD_ENCODING", envelope(overlong, 400).at("/error/code").asText());
            assertEquals(0, server.server().components().database().jdbc()
                    .queryLong("SELECT COUNT(*) AS n FROM media_requests"), "nothing stored");

            assertEquals(200, server.get("/health").status(), "still healthy");
            List<String> traces = logs.stackTraces();
            assertTrue(traces.isEmpty(), "no stack trace in the log: " + traces);
        }
    }

    private static JsonNode envelope(RawHttp.Answer a, int status) throws Exception {
        assertEquals(status, a.status(), a.text());
        assertTrue(a.header("Content-Type").startsWith("application/json"), a.text());
        JsonNode json = JSON.readTree(a.body());
        assertFalse(json.path("success").asBoolean(true), a.text());
        assertFalse(json.at("/error/code").asText("").isEmpty(), a.text());
        assertFalse(json.at("/error/correlationId").asText("").isEmpty(), a.text());
        assertFalse(a.body().contains("Exception") || a.body().contains("\tat "), a.text());
        return json;
    }
}
