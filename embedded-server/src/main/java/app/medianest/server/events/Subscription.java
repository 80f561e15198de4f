package app.medianest.server.events;

import app.medianest.server.http.Principal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One client's stream: the frames it missed (replay), then a bounded queue of new frames. When the queue is
 * full the subscription is ended instead of growing: the client reconnects with {@code Last-Event-ID} and is
 * replayed what it missed from the bus's ring. Closing it frees its slot.
 */
public final class Subscription implements AutoCloseable {
    /** Why a subscription ended. */
    public enum State { OPEN, OVERFLOWED, SHUT_DOWN, CLOSED, REPLACED }

    private static final byte[] WAKE = new byte[0];

    private final BlockingQueue<byte[]> queue;
    private final List<byte[]> replay;
    private final Consumer<Subscription> onClose;
    private volatile Principal principal;
    private final Object owner;
    private volatile State state = State.OPEN;
    private final AtomicBoolean released = new AtomicBoolean();

    Subscription(Principal principal, int capacity, List<byte[]> replay, Consumer<Subscription> onClose) {
        this.principal = principal;
        this.owner = EventBus.owner(principal);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.replay = List.copyOf(replay);
        this.onClose = onClose;
    }

    /** Frames the client missed since its {@code Last-Event-ID} (or a reset frame), to write first. */
    public List<byte[]> replay() {
        return replay;
    }

    public Principal principal() {
        return principal;
    }

    /** The slot owner this stream counts against (fixed at subscription). */
    Object owner() {
        return owner;
    }

    /** Updates who the stream is for (a re-check after a role change); later events are filtered with it. */
    public void principal(Principal updated) {
        this.principal = updated;
    }

    public State state() {
        return state;
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    /** The next frame, or null when none arrived within {@code timeout} or the subscription ended. */
    public byte[] next(Duration timeout) throws InterruptedException {
        if (!isOpen()) {
            return null;
        }
        byte[] f = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return f == null || f == WAKE ? null : f;
    }

    /** A frame that is already queued, without waiting; null when there is none. */
    public byte[] poll() {
        byte[] f = queue.poll();
        return f == WAKE ? null : f;
    }

    /** Called by the bus under its lock; false ends the subscription (the client does not keep up). */
    boolean offer(byte[] frame) {
        if (state != State.OPEN) {
            return false;
        }
        if (!queue.offer(frame)) {
            end(State.OVERFLOWED);
            return false;
        }
        return true;
    }

    /** Ends the subscription and wakes its writer. */
    synchronized void end(State reason) {
        if (state == State.OPEN) {
            state = reason;
            queue.clear();
            queue.offer(WAKE);
        }
    }

    @Override
    public void close() {
        end(State.CLOSED);
        if (released.compareAndSet(false, true)) {
            onClose.accept(this);
        }
    }
}
