package app.medianest.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Base of every fake HTTP upstream: a JDK {@code HttpServer} on a loopback port with a virtual-thread executor,
 * a request log and runtime fault switches.
 *
 * <p>Fault switches apply to every path, take effect for requests arriving after the call, and are thread-safe:
 * <ul>
 *   <li>{@link #latency(Duration)} delays every answer;</li>
 *   <li>{@link #failWith(int)} answers every request with that status (in the upstream's error body shape);</li>
 *   <li>{@link #hang()} accepts requests and never answers them until {@link #heal()} (they are then answered
 *       normally) or {@link #close()} (the connection is dropped);</li>
 *   <li>{@link #refuseConnections()} closes the listening socket so connecting fails;
 *       {@link #heal()} binds the same port again;</li>
 *   <li>{@link #heal()} clears all of the above.</li>
 * </ul>
 * Every request is recorded (even those a fault answered) so tests can count what reached the upstream.
 * Subclasses live in this package only.
 */
public abstract class FakeServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FakeServer.class.getName());
    private static final int BIND_ATTEMPTS = 100;

    /** The time source of the fake (PIN expiry, timestamps, heartbeats). */
    protected final Clock clock;
    private final String name;
    private final FaultSwitches faults = new FaultSwitches();
    private final RequestLog requestLog = new RequestLog();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Object lifecycle = new Object();
    private volatile Router router;
    private volatile boolean closed;
    private HttpServer server;
    private int port;

    FakeServer(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    /** Binds and starts serving; subclass constructors call this last, once their state is ready. */
    final void start(int requestedPort, Router routes) {
        router = routes;
        synchronized (lifecycle) {
            server = bind(requestedPort);
            port = server.getAddress().getPort();
        }
    }

    /** The error body this upstream uses for a forced status. */
    abstract Reply failureReply(int status);

    /** A short name such as {@code plex} or {@code overseerr}. */
    public final String name() {
        return name;
    }

    /** The bound port; stays the same across {@link #refuseConnections()} and {@link #heal()}. */
    public final int port() {
        synchronized (lifecycle) {
            return port;
        }
    }

    /** {@code http://127.0.0.1:{port}} with no trailing slash. */
    public final String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The absolute URI of a path on this server, e.g. {@code uri("/identity")}. */
    public final URI uri(String pathAndQuery) {
        return URI.create(baseUrl() + pathAndQuery);
    }

    /** Delays every answer by this much (zero turns it off). */
    public final void latency(Duration latency) {
        faults.latency(latency);
    }

    /** Answers every request with this status until {@link #heal()}. */
    public final void failWith(int status) {
        faults.failWith(status);
    }

    /** Accepts requests but never answers them until {@link #heal()} or {@link #close()}. */
    public final void hang() {
        faults.hang();
    }

    /** Closes the listening socket: new connections are refused until {@link #heal()} re-binds the same port. */
    public final void refuseConnections() {
        synchronized (lifecycle) {
            requireOpen();
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }
    }

    /** Back to normal: clears latency, forced status and hang (hung requests are answered), re-opens the port. */
    public final void heal() {
        synchronized (lifecycle) {
            requireOpen();
            if (server == null) {
                server = bind(port);
            }
        }
        faults.heal();
    }

    /** Every request received so far, oldest first. */
    public final List<RecordedRequest> requests() {
        return requestLog.all();
    }

    /** The requests received on one path (exact match, without query). */
    public final List<RecordedRequest> requests(String path) {
        return requestLog.all().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** How many requests arrived on one path (exact match, without query). */
    public final long requestCount(String path) {
        return requestLog.count(path);
    }

    /** Request counts per path. */
    public final Map<String, Long> requestCounts() {
        return requestLog.counts();
    }

    /** How many requests arrived in total. */
    public final long totalRequestCount() {
        return requestLog.total();
    }

    /** Forgets the recorded requests and counts. */
    public final void clearRequests() {
        requestLog.clear();
    }

    /** Stops the server, drops hung requests and frees the port. Idempotent. */
    @Override
    public final void close() {
        closed = true;
        faults.releaseHung();
        synchronized (lifecycle) {
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }
        executor.shutdownNow();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(name + " fake is closed");
        }
    }

    private HttpServer bind(int wantedPort) {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort);
        for (int attempt = 1; ; attempt++) {
            try {
                HttpServer created = HttpServer.create(address, 128);
                created.createContext("/", this::handle);
                created.setExecutor(executor);
                created.start();
                return created;
            } catch (BindException e) {
                // Re-binding a just-closed port can briefly fail; retry a little before giving up.
                if (wantedPort == 0 || attempt >= BIND_ATTEMPTS) {
                    throw new UncheckedIOException("cannot bind " + name + " fake to port " + wantedPort, e);
                }
                pause();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + name + " fake", e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding", e);
        }
    }

    private void handle(HttpExchange exchange) {
        try {
            RecordedRequest request = read(exchange);
            requestLog.add(request);
            faults.await();
            if (closed) {
                return;
            }
            int failure = faults.failStatus();
            write(exchange, failure > 0 ? failureReply(failure) : router.dispatch(request));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0} fake: client went away", name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, name + " fake failed to answer", e);
            tryWrite(exchange, Reply.text(500, "text/plain; charset=utf-8", "fake server error"));
        } finally {
            exchange.close();
        }
    }

    private RecordedRequest read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        URI uri = exchange.getRequestURI();
        return new RecordedRequest(clock.instant(), exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8));
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((key, value) -> exchange.getResponseHeaders().add(key, value));
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        byte[] body = reply.body();
        boolean noBody = body.length == 0 || reply.status() == 204 || reply.status() == 304;
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void tryWrite(HttpExchange exchange, Reply reply) {
        try {
            write(exchange, reply);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not send the error reply", e);
        }
    }
}
