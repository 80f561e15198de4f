package app.medianest.loadtest.config;

import java.util.Locale;

/**
 * The HTTP client the virtual users send with.
 */
public enum Transport {

    /**
     * The default: a small blocking HTTP/1.1 client with one keep-alive socket per virtual user, request bytes built
     * once per endpoint, and responses parsed by status line plus {@code Content-Length} or chunked framing. It
     * costs far less CPU per request than the JDK client, which matters when generator and server share a small
     * machine.
     */
    LEAN,

    /** {@code java.net.http.HttpClient} (HTTP/1.1, keep-alive), shared by all users. */
    JDK;

    /**
     * The lower-case name used on the command line and in reports.
     *
     * @return {@code lean} or {@code jdk}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds a transport by its lower-case name.
     *
     * @param name {@code lean} or {@code jdk}
     * @return the transport
     * @throws IllegalArgumentException naming the unknown value
     */
    public static Transport byName(String name) {
        for (Transport transport : values()) {
            if (transport.wireName().equals(name)) {
                return transport;
            }
        }
        throw new IllegalArgumentException("expected 'lean' or 'jdk', got '" + name + "'");
    }
}
