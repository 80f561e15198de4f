package app.medianest.loadtest.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

    private final ResponseReader reader = new ResponseReader();

    /** A stream that hands out at most {@code step} bytes per read, as a slow network would. */
    private static ResponseReader.Source stream(String text, int step) {
        ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
        return (buffer, offset, length) -> in.read(buffer, offset, Math.min(step, length));
    }

    private static String body(ResponseReader.Response response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aContentLengthBodyIsReadAndHttp11KeepsTheConnection() throws IOException {
        ResponseReader.Response response = reader.read(stream(
                "HTTP/1.1 200 OK\r\nCONTENT-length: 5\r\nContent-Type: text/plain\r\n\r\nhello", 1000), true);
        assertEquals(200, response.status());
        assertEquals("hello", body(response));
        assertTrue(response.keepAlive());
        assertNull(response.retryAfter());
    }

    @Test
    void chunkedBodiesWithExtensionsAndTrailersArriveWholeEvenOneByteAtATime() throws IOException {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\n{\"a\":\r\n" + "A \r\n\"0123456\"}\r\n" + "0\r\nX-Trailer: yes\r\n\r\n";
        ResponseReader.Source source = stream(chunked + chunked, 1);

        for (int i = 0; i < 2; i++) {
            ResponseReader.Response response = reader.read(source, true);
            assertEquals("{\"a\":\"0123456\"}", body(response), "response " + i);
            assertTrue(response.keepAlive());
        }
    }

    @Test
    void discardedBodiesLeaveTheNextResponseIntact() throws IOException {
        String big = "x".repeat(3 * ResponseReader.BUFFER_BYTES + 7);
        ResponseReader.Source source = stream("HTTP/1.1 200 OK\r\nContent-Length: " + big.length() + "\r\n\r\n" + big
                + "HTTP/1.1 204 No Content\r\n\r\n"
                + "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 7\r\nContent-Length: 2\r\n\r\n{}", 4096);

        ResponseReader.Response first = reader.read(source, false);
        assertEquals(200, first.status());
        assertNull(first.body());
        assertEquals(204, reader.read(source, false).status(), "204 has no body");
        ResponseReader.Response third = reader.read(source, true);
        assertEquals(503, third.status());
        assertEquals("7", third.retryAfter());
        assertEquals("{}", body(third));
    }

    @Test
    void interimResponsesAreSkipped() throws IOException {
        ResponseReader.Response response = reader.read(stream(
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n", 3), false);
        assertEquals(201, response.status());
    }

    @Test
    void connectionCloseHttp10AndBodiesUpToTheEndOfTheStreamEndTheConnection() throws IOException {
        assertFalse(new ResponseReader().read(stream(
                "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", 100), false).keepAlive());
        assertFalse(new ResponseReader().read(stream("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", 100), false)
                .keepAlive());
        assertTrue(new ResponseReader().read(stream(
                "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n", 100), false).keepAlive());
        ResponseReader.Response untilEnd = new ResponseReader().read(stream(
                "HTTP/1.1 200 OK\r\n\r\nall of it", 2), true);
        assertEquals("all of it", body(untilEnd));
        assertFalse(untilEnd.keepAlive());
    }

    @Test
    void malformedResponsesAreProtocolErrors() {
        assertProtocolError("not an HTTP/1.x status line: 'SSH-2.0-OpenSSH'", "SSH-2.0-OpenSSH\r\n\r\n");
        assertProtocolError("bad status code in the status line", "HTTP/1.1 2x0 OK\r\n\r\n");
        assertProtocolError("bad Content-Length: '-1'", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n");
        assertProtocolError("malformed response header: 'no colon here'", "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n");
        assertProtocolError("bad chunk size: 'zz'", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        assertProtocolError("chunk not followed by CRLF",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n");
        assertProtocolError("response header line longer than 16384 bytes",
                "HTTP/1.1 200 OK\r\nX-Long: " + "y".repeat(ResponseReader.BUFFER_BYTES) + "\r\n\r\n");
        assertProtocolError("more than 100 response headers",
                "HTTP/1.1 200 OK\r\n" + "X-A: 1\r\n".repeat(101) + "\r\n");
    }

    @Test
    void aStreamEndingEarlyIsAnEofThatSaysWhetherAnythingArrived() throws IOException {
        EOFException nothing = assertThrows(EOFException.class, () -> reader.read(stream("", 10), false));
        assertEquals("connection closed before a response", nothing.getMessage());
        assertFalse(reader.started(), "a reused connection that sent nothing was stale: the request may be retried");

        ResponseReader other = new ResponseReader();
        EOFException cut = assertThrows(EOFException.class, () -> other.read(stream(
                "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", 10), false));
        assertEquals("connection closed with 7 body bytes missing", cut.getMessage());
        assertTrue(other.started());
        assertThrows(EOFException.class, () -> new ResponseReader().read(stream("HTTP/1.1 200 OK\r\nContent-", 10),
                false));
    }

    @Test
    void keptBodiesAreCapped() {
        String body = "z".repeat(ResponseReader.MAX_KEPT_BODY + 1);
        ProtocolException e = assertThrows(ProtocolException.class, () -> reader.read(stream(
                "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body, 65536), true));
        assertEquals("response body larger than 1048576 bytes", e.getMessage());
    }

    private void assertProtocolError(String message, String response) {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> new ResponseReader().read(stream(response, 7), true));
        assertEquals(message, e.getMessage());
    }
}
