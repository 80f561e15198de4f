package app.medianest.server.security;

import app.medianest.server.testing.Api;
import app.medianest.server.testing.Api.Caller;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding 3: one user cannot take every live-event slot (a per-user cap: a new stream past it replaces the user's
 * oldest, so a page reloaded many times keeps working while the user never holds more), and a stream whose client
 * went away frees its slot within about two liveness probes instead of 25-40 s.
 */
class EventStreamLimitsTest {
    @Test
    void perUserCapAndSlotsFreedSoonAfterTheClientGoes() throws Exception {
        try (TestDatabase db = TestDatabase.create(DbKind.H2);
             TestServer server = TestServer.start(db, java.time.Clock.systemUTC(), Map.of(
                     "events.max-per-user", "3", "events.liveness-probe", "200ms", "events.heartbeat", "15s"))) {
            Api api = new Api(server);
            Caller alice = api.user("alice");
            Caller bob = api.user("bob");
            int port = server.server().port();
            List<Socket> streams = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket s = open(port, alice.token());
                    assertEquals(200, status(s), "stream " + i);
                    streams.add(s);
                }
                // A fourth stream of alice's (a new page) replaces her oldest one: she never holds more than 3.
                Socket fourth = open(port, alice.token());
                assertEquals(200, status(fourth), "a new page of hers gets its stream");
                Socket replaced = streams.removeFirst();
                assertTrue(endsSoon(replaced), "her oldest stream is ended by the server");
                replaced.close();
                streams.add(fourth);
                var counting = server.server().components().events();
                long waitFrom = System.nanoTime();
                while (counting.openStreams() > 3 && System.nanoTime() - waitFrom < 5_000_000_000L) {
                    Thread.sleep(20);
                }
                assertEquals(3, counting.openStreams(), "alice holds at most the cap");
                Socket bobs = open(port, bob.token());
                assertEquals(200, status(bobs), "other users are not affected");
                streams.add(bobs);

                var bus = server.server().components().events();
                Socket gone = streams.removeFirst();
                gone.close();
                long closedAt = System.nanoTime();
                while (bus.openStreams() > 3 && System.nanoTime() - closedAt < 5_000_000_000L) {
                    Thread.sleep(20);
                }
                double freedMs = (System.nanoTime() - closedAt) / 1e6;
                System.out.printf(Locale.ROOT, "live-event slot freed %.0f ms after the client closed (probe 200 ms)%n",
                        freedMs);
                assertEquals(3, bus.openStreams(), "the closed stream's slot is free");
                assertTrue(freedMs < 2_000, "freed within about two probes: " + freedMs + " ms");
                Socket again = open(port, alice.token());
                assertEquals(200, status(again), "alice may open a stream again");
                streams.add(again);
            } finally {
                for (Socket s : streams) {
                    s.close();
                }
            }
        }
    }

    /** True when the server ends the stream (its last chunk, or end of input) within a few seconds. */
    private static boolean endsSoon(Socket s) throws IOException {
        s.setSoTimeout(500);
        InputStream in = s.getInputStream();
        long until = System.nanoTime() + 5_000_000_000L;
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[4096];
        while (System.nanoTime() < until) {
            try {
                int n = in.read(buf);
                if (n < 0) {
                    return true;
                }
                seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                if (seen.indexOf("\r\n0\r\n\r\n") >= 0) {
                    return true;
                }
            } catch (java.net.SocketTimeoutException e) {
                // still open; keep reading
            } catch (java.net.SocketException e) {
                return true;
            }
        }
        return false;
    }

    private static Socket open(int port, String token) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout(5_000);
        s.getOutputStream().write(("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return s;
    }

    private static int status(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] line = new byte[12];
        int n = 0;
        while (n < 12) {
            int r = in.read(line, n, 12 - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return Integer.parseInt(new String(line, 9, 3, StandardCharsets.ISO_8859_1));
    }
}
