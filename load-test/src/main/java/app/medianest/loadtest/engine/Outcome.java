package app.medianest.loadtest.engine;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * How one request ended: with an HTTP status, or with a transport error of some kind.
 *
 * @param status         the HTTP status, or 0 after a transport error
 * @param transportError the transport error's kind, or {@code null} when a response arrived
 */
record Outcome(int status, String transportError) {

    private static final Outcome[] STATUSES = new Outcome[600];

    static {
        for (int status = 0; status < STATUSES.length; status++) {
            STATUSES[status] = new Outcome(status, null);
        }
    }

    /** The outcome of a response with this status (one shared instance per status up to 599). */
    static Outcome status(int status) {
        return status >= 0 && status < STATUSES.length ? STATUSES[status] : new Outcome(status, null);
    }

    static Outcome transport(IOException error) {
        return new Outcome(0, kindOf(error));
    }

    static String kindOf(IOException error) {
        if (error instanceof HttpConnectTimeoutException) {
            return "connect-timeout";
        }
        if (error instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (error instanceof ConnectException) {
            return "connect";
        }
        if (error instanceof ProtocolException) {
            return "protocol";
        }
        return "io";
    }

    boolean hasResponse() {
        return transportError == null;
    }

    boolean isError() {
        return !hasResponse() || status >= 400;
    }
}
