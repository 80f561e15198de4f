package app.medianest.loadtest.engine;

import app.medianest.loadtest.config.Auth;
import java.net.URI;

/**
 * Where virtual users get their HTTP clients. A transport lives for one run; each user of each phase opens its own
 * {@link UserClient} and closes it when it stops.
 */
interface HttpTransport extends AutoCloseable {

    /** Opens a client for one virtual user; it connects lazily. */
    UserClient openUser();

    /** Releases what the transport owns. */
    @Override
    void close();

    /**
     * The HTTP exchanges of one virtual user: a GET with its bearer token, and signing in. Used by one thread at a
     * time.
     */
    interface UserClient extends AutoCloseable {

        /**
         * Prepares a GET once, so the user's loop does no per-request building.
         *
         * @param uri    absolute URI
         * @param bearer bearer token, or {@code null} for none
         * @return the request, ready to send repeatedly
         */
        PreparedGet prepareGet(URI uri, String bearer);

        /**
         * Signs in once; never throws for HTTP or transport failures.
         *
         * @param loginUri the login endpoint
         * @param body     the JSON body from {@link LoginAttempt#body(Auth.Credentials)}
         */
        LoginAttempt login(URI loginUri, String body) throws InterruptedException;

        /** Closes the user's connection, if any. */
        @Override
        void close();
    }

    /** A request built once and sent many times by one user. */
    @FunctionalInterface
    interface PreparedGet {

        /** Sends the request, reads the whole response and reports how it ended; never throws for failures. */
        Outcome send() throws InterruptedException;
    }
}
