package app.medianest.console.server;

/** Receives {@link ServerEvent}s on the controller's thread; UI listeners hop onto the FX thread themselves. */
@FunctionalInterface
public interface ServerEventListener {
    /** Ignores every event (headless runs). */
    ServerEventListener NONE = e -> { };

    void on(ServerEvent event);
}
