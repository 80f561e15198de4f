package app.medianest.server.http;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request-head deadline (slowloris guard): from the first byte of a request until its last header line, a
 * client has {@code headerTimeout}; a connection still sending its head after that is closed. Helidon's own idle
 * timeout covers connections that send nothing (or wait between requests); it cannot interrupt a connection that
 * has sent its request line and then trickles headers, which is what this closes.
 *
 * <p>This is the HTTP/1 receive listener (first data of a request, end of the headers); {@link #sendListener()}
 * sees the response status (the request is done). Only connections in the middle of a request head are tracked.
 */
public final class SlowClientGuard implements Http1ConnectionListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SlowClientGuard.class.getName());

    private final long timeoutNanos;
    private final Map<ConnectionContext, Long> inHead = new ConcurrentHashMap<>();
    /** Connections between the end of their headers and their response: data there is body, not a new head. */
    private final Map<ConnectionContext, Boolean> inBody = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final AtomicLong closed = new AtomicLong();

    public SlowClientGuard(Duration headerTimeout) {
        this.timeoutNanos = headerTimeout.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("medianest-header-timeout").factory());
        long period = Math.max(20, Math.min(1_000, headerTimeout.toMillis() / 4));
        timer.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** How often the sweep runs for a given timeout (also the period of Helidon's idle check). */
    public static Duration checkPeriod(Duration timeout) {
        return Duration.ofMillis(Math.max(20, Math.min(1_000, timeout.toMillis() / 4)));
    }

    @Override
    public void data(ConnectionContext ctx, BufferData data) {
        if (!inBody.containsKey(ctx)) {
            inHead.putIfAbsent(ctx, System.nanoTime());
        }
    }

    @Override
    public void data(ConnectionContext ctx, byte[] bytes, int offset, int length) {
        data(ctx, (BufferData) null);
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        inHead.putIfAbsent(ctx, System.nanoTime());
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        inHead.remove(ctx);
        inBody.put(ctx, Boolean.TRUE);
    }

    /** The listener for what the server sends: a response status ends the request. */
    public Http1ConnectionListener sendListener() {
        return new Http1ConnectionListener() {
            @Override
            public void status(ConnectionContext ctx, Status status) {
                inBody.remove(ctx);
                inHead.remove(ctx);
            }
        };
    }

    /** Connections closed because their request head took too long (since start). */
    public long closedCount() {
        return closed.get();
    }

    private void sweep() {
        long now = System.nanoTime();
        inHead.forEach((ctx, since) -> {
            if (now - since > timeoutNanos && inHead.remove(ctx, since)) {
                inBody.remove(ctx);
                closed.incrementAndGet();
                try {
                    ctx.serverSocket().close();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "Closing a slow connection failed: {0}", e.toString());
                }
            }
        });
        // A connection that ended between its headers and a response leaves an entry: bound the map.
        if (inBody.size() > 100_000) {
            inBody.clear();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        inHead.clear();
        inBody.clear();
    }
}
