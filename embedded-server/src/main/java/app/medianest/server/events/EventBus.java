package app.medianest.server.events;

import app.medianest.model.events.ServerEvent;
import app.medianest.server.http.Principal;
import app.medianest.server.http.Json;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The in-process event bus. Every published event gets the next id and is rendered once as an SSE frame;
 * the last {@code replaySize} frames stay in a ring for reconnects, and each subscriber gets the frames it may
 * see through its own bounded queue. Publishing takes one short lock and never waits for a client.
 *
 * <p>Ids start at the boot time in milliseconds times 1,000, so an id from before a restart is older than
 * anything in the ring and its client is told to resynchronise instead of being replayed the wrong events.
 */
public final class EventBus implements EventPublisher, AutoCloseable {
    /** The event name of the frame that tells a client it missed events that are gone: refetch, then go on. */
    public static final String RESET = "stream.reset";

    private record Stored(long id, ServerEvent event, byte[] frame) {
    }

    private final int replaySize;
    private final int clientBuffer;
    private final int maxClients;
    private final int maxPerUser;
    private final java.util.Map<Object, Integer> perUser = new java.util.HashMap<>();
    private final ArrayDeque<Stored> ring;
    private final Set<Subscription> subscribers = new LinkedHashSet<>();
    private long lastId;
    private int open;
    private long opened;
    private boolean closed;

    public EventBus(int replaySize, int clientBuffer, int maxClients, Clock clock) {
        this(replaySize, clientBuffer, maxClients, maxClients, clock);
    }

    /** With a cap on the streams one user (or API key) may hold at once. */
    public EventBus(int replaySize, int clientBuffer, int maxClients, int maxPerUser, Clock clock) {
        if (maxPerUser < 1) {
            throw new IllegalArgumentException("maxPerUser >= 1 (was " + maxPerUser + ")");
        }
        this.maxPerUser = maxPerUser;
        if (replaySize < 0 || clientBuffer < 1 || maxClients < 1) {
            throw new IllegalArgumentException("replaySize >= 0, clientBuffer >= 1, maxClients >= 1 (were "
                    + replaySize + ", " + clientBuffer + ", " + maxClients + ")");
        }
        this.replaySize = replaySize;
        this.clientBuffer = clientBuffer;
        this.maxClients = maxClients;
        this.ring = new ArrayDeque<>(Math.min(replaySize, 4096));
        this.lastId = clock.millis() * 1_000;
    }

    /** Thrown when the bus cannot take another subscriber. */
    public static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean perUser;

        Full(String message) {
            this(message, false);
        }

        Full(String message, boolean perUser) {
            super(message, null, false, false);
            this.perUser = perUser;
        }

        /** True when the caller's own streams reached the per-user cap (others may still subscribe). */
        public boolean perUser() {
            return perUser;
        }
    }

    @Override
    public void publishAll(List<? extends ServerEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<byte[]> payloads = new ArrayList<>(events.size());
        for (ServerEvent e : events) {
            payloads.add(Json.write(e));
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            List<Stored> batch = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                long id = ++lastId;
                Stored s = new Stored(id, events.get(i), frame(id, events.get(i).type(), payloads.get(i)));
                batch.add(s);
                if (replaySize > 0) {
                    if (ring.size() == replaySize) {
                        ring.removeFirst();
                    }
                    ring.addLast(s);
                }
            }
            for (Subscription sub : subscribers) {
                for (Stored s : batch) {
                    if (Audience.canSee(sub.principal(), s.event()) && !sub.offer(s.frame())) {
                        break;
                    }
                }
            }
        }
    }

    /**
     * Subscribes {@code principal}. With {@code lastEventId}, the subscription first replays the visible
     * events after it, or, when some of them are no longer kept (or the id is from another run), one
     * {@value #RESET} frame.
     *
     * @throws Full when {@code maxClients} streams are open or the bus is closed
     */
    public synchronized Subscription subscribe(Principal principal, OptionalLong lastEventId) {
        if (closed) {
            throw new Full("the server is shutting down");
        }
        Object owner = owner(principal);
        if (perUser.getOrDefault(owner, 0) >= maxPerUser) {
            // The newest stream is the page in front of the person (a browser tab that navigated away keeps its
            // old stream until a probe finds it gone): end their oldest open stream to make room. One user still
            // never holds more than maxPerUser open streams, so nobody else's slots are taken.
            Subscription oldest = null;
            for (Subscription s : subscribers) {
                if (s.owner().equals(owner) && s.isOpen()) {
                    oldest = s;
                    break;
                }
            }
            if (oldest == null) {
                throw new Full("you already have " + maxPerUser + " live event streams open; close one first", true);
            }
            oldest.end(Subscription.State.REPLACED);
        }
        if (open >= maxClients) {
            throw new Full("too many live event streams are open (" + maxClients + ")");
        }
        List<byte[]> replay = lastEventId.isPresent() ? replay(principal, lastEventId.getAsLong()) : List.of();
        Subscription sub = new Subscription(principal, clientBuffer, replay, this::release);
        subscribers.add(sub);
        open++;
        opened++;
        perUser.merge(owner, 1, Integer::sum);
        return sub;
    }

    private List<byte[]> replay(Principal principal, long after) {
        long oldestKept = ring.isEmpty() ? lastId + 1 : ring.peekFirst().id();
        if (after > lastId || after < oldestKept - 1) {
            String data = "{\"reason\":\"Some events since your last one are no longer available; reload, then "
                    + "keep listening\",\"lastEventId\":\"" + lastId + "\"}";
            return List.of(frame(lastId, RESET, data.getBytes(StandardCharsets.UTF_8)));
        }
        List<byte[]> out = new ArrayList<>();
        for (Stored s : ring) {
            if (s.id() > after && Audience.canSee(principal, s.event())) {
                out.add(s.frame());
            }
        }
        return out;
    }

    /** Called once per subscription, when its writer is done with it. */
    private synchronized void release(Subscription sub) {
        subscribers.remove(sub);
        open--;
        perUser.computeIfPresent(sub.owner(), (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Whose slot a stream takes: the user, or the API key (its own account). */
    static Object owner(Principal p) {
        return p.apiKeyId() != null ? p.apiKeyId() : p.userId() != null ? p.userId() : "anonymous";
    }

    /** Streams {@code principal}'s owner has open now. */
    public synchronized int openStreams(Principal principal) {
        return perUser.getOrDefault(owner(principal), 0);
    }

    /** The id of the newest event (or the starting id when there is none yet). */
    public synchronized long lastId() {
        return lastId;
    }

    /** Streams opened since the start, ended ones included. */
    public synchronized long streamsOpened() {
        return opened;
    }

    /** Streams open now (including ones whose client stopped reading but whose writer has not ended yet). */
    public synchronized int openStreams() {
        return open;
    }

    /** Ends every stream (server shutdown); later subscriptions are refused. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        for (Subscription sub : subscribers) {
            sub.end(Subscription.State.SHUT_DOWN);
        }
    }

    static byte[] frame(long id, String type, byte[] json) {
        byte[] head = ("id: " + id + "\nevent: " + type + "\ndata: ").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + json.length + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(json, 0, out, head.length, json.length);
        out[out.length - 2] = '\n';
        out[out.length - 1] = '\n';
        return out;
    }
}
