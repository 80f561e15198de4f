package app.medianest.server;

/** What the embedded server tells its owner (the console, or nobody when headless). */
public interface ServerListener {
    ServerListener NONE = new ServerListener() { };

    /** The server accepts requests at {@code baseUrl}. */
    default void started(String baseUrl) {
    }

    /** The server stopped and released the database. */
    default void stopped() {
    }
}
