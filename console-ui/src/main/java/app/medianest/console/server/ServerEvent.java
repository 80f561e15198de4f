package app.medianest.console.server;

/** What the {@link ServerController} reports to the UI: one record per kind of event. */
public sealed interface ServerEvent {
    /** The server is starting (opening the database, migrating, binding the port). */
    record Starting() implements ServerEvent {
    }

    /**
     * The server accepts requests.
     *
     * @param baseUrl the loopback URL the console uses
     * @param lanUrl  the URL to give the family (this machine's LAN address), or the base URL when none is found
     */
    record Started(String baseUrl, String lanUrl) implements ServerEvent {
    }

    /** The server is stopping (in-flight requests finish). */
    record Stopping() implements ServerEvent {
    }

    /** The server stopped and released the database. */
    record Stopped() implements ServerEvent {
    }

    /**
     * Starting failed, for example because of a bad setting.
     *
     * @param message one line saying why
     */
    record Failed(String message) implements ServerEvent {
    }
}
