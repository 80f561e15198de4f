package app.medianest.server.fuzz;

import app.medianest.server.testing.TestServer;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a fuzz case as a browser would: a request whose connection closed before any byte of an answer came back
 * (the JDK client's "header parser received no bytes": a pooled keep-alive connection the server closed just as it
 * was reused) is sent once more, as RFC 9112 section 9.3.1 allows and browsers do; the JDK client does that only for
 * GET and HEAD. A server that drops the request again fails the suite as before; every resend is counted and printed.
 */
final class Resend {
    private Resend() {
    }

    static TestServer.Res send(TestServer server, String method, String path, String body, String[] headers,
                               AtomicInteger resent) {
        try {
            return server.send(method, path, body, headers);
        } catch (IllegalStateException e) {
            if (e.getCause() == null || e.getCause().getMessage() == null
                    || !e.getCause().getMessage().contains("received no bytes")) {
                throw e;
            }
            resent.incrementAndGet();
            return server.send(method, path, body, headers);
        }
    }
}
