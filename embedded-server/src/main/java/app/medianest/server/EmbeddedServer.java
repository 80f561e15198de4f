package app.medianest.server;

import app.medianest.server.config.ServerConfig;
import app.medianest.server.config.Settings;
import app.medianest.server.config.SettingsCatalog;
import app.medianest.server.http.DirectErrors;
import app.medianest.server.http.RouteTable;
import io.helidon.webserver.WebServer;

import java.time.Clock;

/**
 * The MediaNest server: components plus the Helidon listener. Start and stop are idempotent and
 * synchronized, so the console and a shutdown hook can both call {@link #stop()}.
 */
public final class EmbeddedServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmbeddedServer.class.getName());

    private final Components components;
    private final ServerListener listener;
    private WebServer webServer;
    private RouteTable routes;
    private app.medianest.server.http.SlowClientGuard slowClients;

    private EmbeddedServer(Components components, ServerListener listener) {
        this.components = components;
        this.listener = listener;
    }

    /** Opens the database, migrates it and starts listening; fails with a ConfigException on bad settings. */
    public static EmbeddedServer start(ServerConfig config, Clock clock, ServerListener listener) {
        Components components = Components.create(config, clock);
        EmbeddedServer server = new EmbeddedServer(components, listener);
        try {
            server.startListening();
        } catch (RuntimeException e) {
            components.close();
            throw e;
        }
        return server;
    }

    private synchronized void startListening() {
        ServerConfig config = components.config();
        RouteTable[] table = new RouteTable[1];
        java.time.Duration idle = config.settings().duration(SettingsCatalog.IDLE_TIMEOUT,
                java.time.Duration.ofMillis(100), java.time.Duration.ofDays(1));
        app.medianest.server.http.SlowClientGuard guard = new app.medianest.server.http.SlowClientGuard(
                config.settings().duration(SettingsCatalog.HEADER_TIMEOUT, java.time.Duration.ofMillis(100),
                        java.time.Duration.ofHours(1)));
        slowClients = guard;
        var builder = WebServer.builder();
        app.medianest.server.tls.TlsSetup.from(config.settings(), config.dataDir()).ifPresent(builder::tls);
        WebServer ws = builder
                .host(config.host())
                .port(config.port())
                .shutdownHook(false)
                .shutdownGracePeriod(config.shutdownGrace())
                .maxPayloadSize(-1)
                // Helidon leaves Nagle's algorithm on: a response written in several segments (anything
                // over about 8 KB) then waits ~40 ms for the client's delayed acknowledgement.
                .connectionOptions(o -> o.tcpNoDelay(true))
                // Blocking sockets: Helidon's NIO socket copies every response through an 8 KB buffer and writes it
                // 8 KB per system call, each waking the client for a partial read; the blocking socket writes a
                // response in one call (64 KB answered in 0.11 ms instead of 0.26 ms; /health throughput the same).
                .useNio(false)
                // Slow and idle clients: Helidon closes connections idle (no request, or a request line still
                // arriving) for the idle timeout; the guard closes those whose headers take too long.
                .maxTcpConnections(config.settings().integer(SettingsCatalog.MAX_CONNECTIONS, 16, 1_000_000))
                .idleConnectionTimeout(idle)
                .idleConnectionPeriod(app.medianest.server.http.SlowClientGuard.checkPeriod(idle))
                // HTTP/1.1 only, configured here: with a single protocol Helidon hands every new connection to it at
                // once, so a socket that never sends a byte is covered by the idle timeout too.
                .protocolsDiscoverServices(false)
                .addProtocol(io.helidon.webserver.http1.Http1Config.builder()
                        .addReceiveListener(guard).addSendListener(guard.sendListener()).build())
                .directHandlers(DirectErrors.handlers())
                .routing(r -> table[0] = ApiRouting.routing(r, components))
                .build();
        try {
            webServer = ws.start();
            if (!webServer.isRunning() || webServer.port() < 0) {
                webServer.stop();
                webServer = null;
                throw Settings.bad(SettingsCatalog.PORT, Integer.toString(config.port()),
                        "cannot be used on " + config.host() + " (address already in use or not permitted)");
            }
        } catch (RuntimeException e) {
            guard.close();
            if (!(e instanceof app.medianest.server.config.ConfigException)
                    && hasCause(e, java.net.BindException.class)) {
                throw Settings.bad(SettingsCatalog.PORT, Integer.toString(config.port()),
                        "cannot be used on " + config.host() + ": " + rootMessage(e));
            }
            throw e;
        }
        routes = table[0];
        LOG.log(System.Logger.Level.INFO, "MediaNest listening on {0}:{1,number,#} (database: {2})",
                config.host(), webServer.port(), components.database().dialect());
        listener.started(baseUrl());
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    public synchronized int port() {
        return webServer.port();
    }

    /** {@code http(s)://127.0.0.1:port} (or the bind host when it is not a wildcard). */
    public String baseUrl() {
        String scheme = components.config().settings().bool(SettingsCatalog.TLS) ? "https" : "http";
        String host = components.config().host();
        if ("0.0.0.0".equals(host) || "::".equals(host) || "[::]".equals(host)) {
            host = "127.0.0.1";
        }
        return scheme + "://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port();
    }

    public Components components() {
        return components;
    }

    /** Connections closed so far because their request head took longer than the header timeout. */
    public synchronized long slowClientsClosed() {
        return slowClients == null ? 0 : slowClients.closedCount();
    }

    public synchronized RouteTable routes() {
        return routes;
    }

    public synchronized boolean isRunning() {
        return webServer != null && webServer.isRunning();
    }

    /** Stops accepting, lets in-flight requests finish within the grace period, then closes the database. */
    public synchronized void stop() {
        if (webServer == null) {
            return;
        }
        // Live-event streams never finish on their own: end them so the grace period serves real requests.
        components.events().close();
        webServer.stop();
        webServer = null;
        slowClients.close();
        components.close();
        LOG.log(System.Logger.Level.INFO, "MediaNest stopped");
        listener.stopped();
    }

    @Override
    public void close() {
        stop();
    }
}
