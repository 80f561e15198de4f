package app.medianest.server.events;

import app.medianest.server.http.Principal;
import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Authenticator;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code GET /api/v1/events}: the signed-in caller's live events as Server-Sent Events, written by this
 * request's own (virtual) thread straight to the response stream, flushed after each batch. An idle stream
 * gets a comment line every heartbeat, and at each heartbeat the caller's credentials are checked again, so
 * a signed-out or suspended user's stream ends. {@code Last-Event-ID} replays what a reconnecting client
 * missed. The response is chunked; the common filter's headers go out with the first flush.
 */
public final class EventsHttp {
    private static final System.Logger LOG = System.getLogger(EventsHttp.class.getName());
    private static final byte[] HELLO = "retry: 3000\n: connected\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);
    /** A comment line: ignored by every SSE client, but a write that fails once the client has gone. */
    private static final byte[] PROBE = ":\n".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_BATCH = 64;

    private final EventBus bus;
    private final Authenticator authenticator;
    private final Duration heartbeat;
    private final Duration probe;

    public EventsHttp(EventBus bus, Authenticator authenticator, Duration heartbeat) {
        this(bus, authenticator, heartbeat, heartbeat);
    }

    /**
     * @param probe how often an idle stream writes a probe comment: a client that went away makes the write fail
     *              (at the latest the second one after it left), which ends the stream and frees its slot
     */
    public EventsHttp(EventBus bus, Authenticator authenticator, Duration heartbeat, Duration probe) {
        this.bus = bus;
        this.authenticator = authenticator;
        this.heartbeat = heartbeat;
        this.probe = probe.compareTo(heartbeat) > 0 ? heartbeat : probe;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/events", Access.USER, this::stream);
    }

    /** Streams the caller's events; also used by the portal's cookie-authenticated {@code /live}. */
    public void stream(Exchange ex) {
        OptionalLong lastEventId = lastEventId(ex.header("Last-Event-ID"));
        Subscription sub;
        try {
            sub = bus.subscribe(ex.principal(), lastEventId);
        } catch (EventBus.Full e) {
            if (e.perUser()) {
                throw ApiException.rateLimited(5, e.getMessage());
            }
            throw ApiException.unavailable(e.getMessage());
        }
        try (sub) {
            ServerResponse res = ex.response();
            res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=UTF-8");
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            res.header("X-Accel-Buffering", "no");
            try (OutputStream out = res.outputStream()) {
                out.write(HELLO);
                for (byte[] frame : sub.replay()) {
                    out.write(frame);
                }
                out.flush();
                pump(ex, sub, out);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Event stream ended: {0}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes frames as they come, heartbeats when idle, until the subscription ends or the client goes. */
    private void pump(Exchange ex, Subscription sub, OutputStream out) throws IOException, InterruptedException {
        long nextCheck = System.nanoTime() + heartbeat.toNanos();
        while (sub.isOpen()) {
            byte[] frame = sub.next(probe);
            if (frame != null) {
                out.write(frame);
                for (int i = 1; i < MAX_BATCH && (frame = sub.poll()) != null; i++) {
                    out.write(frame);
                }
            } else if (sub.isOpen()) {
                out.write(PROBE);
            }
            if (System.nanoTime() - nextCheck >= 0) {
                if (!stillSignedIn(ex, sub)) {
                    return;
                }
                out.write(HEARTBEAT);
                nextCheck = System.nanoTime() + heartbeat.toNanos();
            }
            out.flush();
        }
    }

    private boolean stillSignedIn(Exchange ex, Subscription sub) {
        try {
            Optional<Principal> now = authenticator.authenticate(ex.request());
            now.ifPresent(sub::principal);
            return now.isPresent();
        } catch (ApiException e) {
            return false;
        }
    }

    /** The {@code Last-Event-ID} header: absent, or a non-negative whole number this server handed out. */
    static OptionalLong lastEventId(Optional<String> header) {
        if (header.isEmpty() || header.get().isBlank()) {
            return OptionalLong.empty();
        }
        String v = header.get().strip();
        try {
            if (v.length() <= 19 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return OptionalLong.of(Long.parseLong(v));
            }
        } catch (NumberFormatException e) {
            // too large: same answer as any other bad value
        }
        throw ApiException.validation("Last-Event-ID", "must be the id of an event this server sent");
    }
}
