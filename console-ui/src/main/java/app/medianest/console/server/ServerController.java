package app.medianest.console.server;

import app.medianest.server.EmbeddedServer;
import app.medianest.server.ServerListener;
import app.medianest.server.config.ConfigException;
import app.medianest.server.config.ServerConfig;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Owns the embedded server for the console. Start, stop and restart are idempotent and synchronized, and run
 * on one named thread ({@code medianest-server}) so the FX thread never waits for a database or a port. The
 * configuration is re-read at every start, from the same sources as the headless server, so a restart picks
 * up edited settings. The server never touches UI classes: it reports through {@link ServerEvent}s.
 */
public final class ServerController implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ServerController.class.getName());

    private final Supplier<ServerConfig> config;
    private final Clock clock;
    private final ServerEventListener listener;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("medianest-server").factory());
    private EmbeddedServer server;

    /**
     * @param config   loads and validates the configuration (called at every start)
     * @param clock    the server's clock
     * @param listener receives the lifecycle events
     */
    public ServerController(Supplier<ServerConfig> config, Clock clock, ServerEventListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Starts the server on the controller thread; completes with it (at once when it already runs). */
    public CompletableFuture<EmbeddedServer> startAsync() {
        return CompletableFuture.supplyAsync(this::start, thread);
    }

    /** Stops the server on the controller thread; does nothing when it is not running. */
    public CompletableFuture<Void> stopAsync() {
        return CompletableFuture.runAsync(this::stop, thread);
    }

    /** Stops, re-reads the configuration and starts again. */
    public CompletableFuture<EmbeddedServer> restartAsync() {
        return CompletableFuture.supplyAsync(() -> {
            stop();
            return start();
        }, thread);
    }

    /** Starts the server in the calling thread (blocking); idempotent. */
    public synchronized EmbeddedServer start() {
        if (server != null && server.isRunning()) {
            return server;
        }
        listener.on(new ServerEvent.Starting());
        ServerConfig cfg;
        try {
            cfg = config.get();
            server = EmbeddedServer.start(cfg, clock, ServerListener.NONE);
        } catch (ConfigException e) {
            listener.on(new ServerEvent.Failed("configuration error: " + e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "The server could not start", e);
            listener.on(new ServerEvent.Failed("start-up failed: " + firstLine(e)));
            throw e;
        }
        listener.on(new ServerEvent.Started(server.baseUrl(),
                LanAddress.url(server.baseUrl(), server.port(), cfg.host())));
        return server;
    }

    /** Stops the server in the calling thread (blocking); idempotent. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        listener.on(new ServerEvent.Stopping());
        try {
            server.stop();
        } finally {
            server = null;
            listener.on(new ServerEvent.Stopped());
        }
    }

    /** The running server, if any. */
    public synchronized Optional<EmbeddedServer> server() {
        return Optional.ofNullable(server).filter(EmbeddedServer::isRunning);
    }

    /** The running server; fails when it is not running. */
    public EmbeddedServer running() {
        return server().orElseThrow(() -> new IllegalStateException("The server is not running"));
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** Stops the server and ends the controller thread. */
    @Override
    public void close() {
        try {
            stopAsync().join();
        } finally {
            thread.shutdown();
        }
    }
}
