package app.medianest.loadtest.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Closed-loop users multiplexed on one thread, the way wrk's threads run its connections: a {@link Selector} over
 * one non-blocking keep-alive connection per user, a timer queue for start times and think times, and histograms
 * this thread alone writes ({@link EndpointMetrics.Lane}). A user behaves as a {@link VirtualUser} does: it starts
 * at its start time, sends, records when the whole response has arrived (service time from the write to the last
 * byte, as wrk measures), thinks, and stops at its stop time; a request in flight then completes and counts.
 *
 * <p>Why: with every user busy (no think time), a thread per user costs a wake-up and a context switch per request
 * and, on virtual threads, two more hand-offs (the I/O poller and the carrier); on a machine whose cores the server
 * shares, that CPU comes out of the server. One thread per core serving the ready connections of each wake-up in
 * turn costs a fraction of it. Plain HTTP only (no TLS).
 *
 * <p>The loop wakes for I/O, for a timer, for the earliest request deadline (the request timeout) and otherwise at
 * most every {@value #MAX_SLEEP_MILLIS} ms to look at the stop signal, as often as wrk's threads wake for their own
 * timers: with 20 users thinking a second each, about 15 wake-ups a second per loop (wrk's threads: 17). A fixed
 * timeout scan would wake the loop far more often than its requests do, and each wake-up costs CPU on cores the
 * server shares.
 */
final class EventLoop implements Runnable {

    /** The longest the loop sleeps before looking at the stop signal again. */
    static final long MAX_SLEEP_MILLIS = 100;
    private static final long MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_SLEEP_MILLIS);
    private static final long ONE_MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    private final VirtualUser.Shared shared;
    private final LeanTransport transport;
    private final InetSocketAddress address;
    private final long timeoutNanos;
    private final List<EndpointMetrics> endpointMetrics = new ArrayList<>();
    private final List<EndpointMetrics.Lane> lanes = new ArrayList<>();
    private final List<URI> uris = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private final PriorityQueue<Connection> timers = new PriorityQueue<>(Comparator.comparingLong(c -> c.wakeAtMillis));
    private final Consumer<SelectionKey> onReady = this::ready;
    /**
     * Users whose next request is chosen, in the order they became due. Their requests go out after the loop's next
     * look at the selector, as wrk's do (it asks to hear when the connection is writable and writes then): the
     * responses that arrived in the meantime are read first, and each request is timed from its own write.
     */
    private ArrayDeque<Connection> due = new ArrayDeque<>();
    /** The queue being written, swapped with {@link #due} on each turn of the loop. */
    private ArrayDeque<Connection> next = new ArrayDeque<>();
    /** Where every connection of this loop reads into (a direct buffer: no copy through a temporary one). */
    private final ByteBuffer in = ByteBuffer.allocateDirect(ResponseReader.BUFFER_BYTES);
    private Selector selector;
    private int live;
    /** Whether a request is in flight, and then the earliest deadline among those in flight (or an earlier time). */
    private boolean deadlineArmed;
    private long nextDeadline;

    /**
     * A loop for some of a phase's users.
     *
     * @param shared       what all users of the phase share
     * @param transport    the lean transport (host, port and request bytes)
     * @param timeoutNanos the request timeout, connecting included
     */
    EventLoop(VirtualUser.Shared shared, LeanTransport transport, long timeoutNanos) {
        this.shared = shared;
        this.transport = transport;
        this.address = transport.address();
        this.timeoutNanos = timeoutNanos;
        for (var endpoint : shared.mix().endpoints()) {
            EndpointMetrics metrics = shared.metrics().of(endpoint.path());
            endpointMetrics.add(metrics);
            lanes.add(metrics.newLane());
            uris.add(shared.uris().get(endpoint.path()));
        }
    }

    /** How many loops a phase with this many users gets: one per core, at most one per user. */
    static int threads(int users) {
        return Math.max(1, Math.min(users, Runtime.getRuntime().availableProcessors()));
    }

    /** Adds a user to this loop; call before {@link #run}. */
    void add(int index, long startAtNanos, long stopAtNanos, long seed) {
        connections.add(new Connection(index, startAtNanos, stopAtNanos,
                new SplittableRandom(seed * 1_000_003L + index)));
    }

    @Override
    public void run() {
        try (Selector opened = Selector.open()) {
            selector = opened;
            for (Connection connection : connections) {
                connection.wakeAtMillis = Math.ceilDiv(connection.startAt, ONE_MILLI);
                timers.add(connection);
            }
            live = connections.size();
            loop();
        } catch (IOException e) {
            throw new IllegalStateException("the event loop's selector failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Connection connection : connections) {
                connection.end();
            }
        }
    }

    private void loop() throws IOException, InterruptedException {
        while (turn()) {
            // each turn is a method of its own (below)
        }
    }

    /**
     * One turn of the loop: starts the users who are due, fails the requests past their deadline, looks at the
     * selector (reading what arrived) and writes the requests chosen. A method of its own, called on every turn, so
     * the just-in-time compiler compiles it after a few hundred turns: the body of a loop entered once per run would
     * be compiled only after tens of thousands of iterations (on-stack replacement), that is, with think time,
     * never, and every turn would run in the interpreter.
     *
     * @return whether users remain
     */
    private boolean turn() throws IOException, InterruptedException {
        if (live <= 0) {
            return false;
        }
        long now = shared.clock().nanoTime();
        if (shared.stop().isStopped()) {
            while (!timers.isEmpty()) {
                timers.poll().end();
            }
        }
        long nowMillis = Math.floorDiv(now, ONE_MILLI);
        while (!timers.isEmpty() && timers.peek().wakeAtMillis <= nowMillis) {
            timers.poll().wake(now);
            now = shared.clock().nanoTime();
        }
        if (deadlineArmed && now - nextDeadline >= 0) {
            expire(now);
        }
        if (live == 0) {
            return false;
        }
        ArrayDeque<Connection> writing = due;
        due = next;
        next = writing;
        // Timers count in whole milliseconds of the loop's clock, as wrk's do: a user is due from the start of its
        // millisecond, the loop sleeps until the start of the earliest one, and the users due by then leave
        // together, each request timed from its own write.
        long untilTimer = timers.isEmpty() ? Long.MAX_VALUE
                : (timers.peek().wakeAtMillis - Math.floorDiv(now, ONE_MILLI)) * ONE_MILLI;
        long untilDeadline = deadlineArmed ? nextDeadline - now : Long.MAX_VALUE;
        long sleep = Math.min(untilTimer, Math.min(MAX_SLEEP_NANOS, untilDeadline));
        if (sleep <= 0 || !writing.isEmpty()) {
            selector.selectNow(onReady);
        } else {
            selector.select(onReady, TimeUnit.NANOSECONDS.toMillis(sleep + ONE_MILLI - 1));
        }
        writeAll(writing);
        return true;
    }

    /** Fails the requests whose deadline has passed and arms the next deadline (or none, with none in flight). */
    private void expire(long now) {
        deadlineArmed = false;
        for (Connection connection : connections) {
            if (connection.inFlight && now - connection.deadline >= 0) {
                connection.fail(connection.channel != null && !connection.connected
                        ? new HttpConnectTimeoutException("connect timed out")
                        : new HttpTimeoutException("request timed out"));
            }
        }
        for (Connection connection : connections) {
            if (connection.inFlight) {
                arm(connection.deadline);
            }
        }
    }

    /** Makes sure the loop wakes by {@code deadline}. */
    private void arm(long deadline) {
        if (!deadlineArmed || deadline - nextDeadline < 0) {
            nextDeadline = deadline;
            deadlineArmed = true;
        }
    }

    /** Sends the requests of these users, emptying the queue. */
    private static void writeAll(ArrayDeque<Connection> writing) {
        Connection connection;
        while ((connection = writing.poll()) != null) {
            if (connection.pendingWrite) {
                try {
                    connection.write();
                } catch (IOException e) {
                    connection.fail(e);
                }
            }
        }
    }

    private void ready(SelectionKey key) {
        Connection connection = (Connection) key.attachment();
        if (!key.isValid() || connection.key != key) {
            return;
        }
        try {
            if (key.isConnectable()) {
                connection.finishConnect();
            } else if (key.isWritable()) {
                connection.write();
            } else if (key.isReadable()) {
                connection.read();
            }
        } catch (IOException e) {
            connection.fail(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shared.stop().stop();
        }
    }

    /** One user and its connection. */
    private final class Connection {
        private final int index;
        private final long startAt;
        private final long stopAt;
        private final SplittableRandom random;
        private final ResponseReader reader = new ResponseReader();
        private ByteBuffer[] requests;
        private boolean started;
        private boolean ended;
        /** The millisecond of the loop's clock from which the user is due (its start or the end of its think time). */
        private long wakeAtMillis;
        private SocketChannel channel;
        private SelectionKey key;
        private boolean connected;
        private boolean reused;
        private boolean retried;
        private boolean inFlight;
        /** The next request is chosen and waits in the due queue. */
        private boolean pendingWrite;
        private int endpoint;
        private ByteBuffer request;
        private long intended;
        private long sent;
        private long deadline;

        Connection(int index, long startAt, long stopAt, SplittableRandom random) {
            this.index = index;
            this.startAt = startAt;
            this.stopAt = stopAt;
            this.random = random;
        }

        /** The start time or the end of a think time has come. */
        void wake(long now) throws InterruptedException {
            if (!started) {
                Optional<Sessions.Session> session;
                try (HttpTransport.UserClient client = transport.openUser()) {
                    session = shared.sessions().sessionFor(index, client);
                }
                if (session.isEmpty()) {
                    end();
                    return;
                }
                requests = new ByteBuffer[uris.size()];
                for (int i = 0; i < requests.length; i++) {
                    byte[] bytes = transport.get(uris.get(i), session.get().bearer());
                    requests[i] = ByteBuffer.allocateDirect(bytes.length).put(bytes);
                }
                started = true;
                shared.activeUsers().incrementAndGet();
                intended = now;
            }
            if (intended >= stopAt || shared.stop().isStopped()) {
                end();
                return;
            }
            endpoint = shared.mix().pickIndex(random);
            request = requests[endpoint];
            retried = false;
            inFlight = true;
            if (channel == null) {
                sent = shared.clock().nanoTime();
                deadline(sent + timeoutNanos);
                send();
            } else {
                deadline(now + timeoutNanos);
                pendingWrite = true;
                due.add(this);
            }
        }

        private void deadline(long at) {
            deadline = at;
            arm(at);
        }

        private void send() {
            request.clear();
            reader.begin(false);
            try {
                if (channel == null) {
                    connect();
                } else {
                    reused = true;
                    write();
                }
            } catch (IOException e) {
                fail(e);
            }
        }

        private void connect() throws IOException {
            channel = SocketChannel.open();
            reused = false;
            connected = false;
            reader.reset();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            key = channel.register(selector, 0, this);
            if (channel.connect(address)) {
                connected = true;
                write();
            } else {
                key.interestOps(SelectionKey.OP_CONNECT);
            }
        }

        void finishConnect() throws IOException {
            if (channel.finishConnect()) {
                connected = true;
                write();
            }
        }

        void write() throws IOException {
            if (pendingWrite) {
                pendingWrite = false;
                request.clear();
                reader.begin(false);
                reused = true;
                sent = shared.clock().nanoTime();
                deadline(sent + timeoutNanos);
            } else if (request.position() == 0) {
                // The first write on a new connection: the request is timed from here, not from the connect, as
                // wrk times it (the deadline still counts from the connect).
                sent = shared.clock().nanoTime();
            }
            channel.write(request);
            int interest = request.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ;
            if (key.interestOps() != interest) {
                key.interestOps(interest);
            }
        }

        void read() throws IOException, InterruptedException {
            if (pendingWrite) {
                // The server closed the connection (or sent stray bytes) between two requests: the chosen request
                // goes out on a new connection.
                if (channel.read(in.clear()) != 0) {
                    close();
                    sent = shared.clock().nanoTime();
                    deadline(sent + timeoutNanos);
                    send();
                }
                return;
            }
            int offset = reader.fillTarget();
            in.clear().limit(reader.buffer().length - offset);
            int n = channel.read(in);
            if (n > 0) {
                in.flip().get(reader.buffer(), offset, n);
            }
            if (n < 0) {
                if (reused && !reader.started() && !retried) {
                    retried = true;
                    close();
                    send();
                    return;
                }
                reader.endOfStream();
            } else {
                reader.filled(n);
                if (!reader.parse()) {
                    return;
                }
            }
            complete(Outcome.status(reader.status()), reader.keepAlive());
        }

        void fail(IOException error) {
            if (!inFlight) {
                close();
                return;
            }
            if (reused && !reader.started() && !retried && !(error instanceof HttpTimeoutException)) {
                retried = true;
                close();
                send();
                return;
            }
            try {
                complete(Outcome.transport(error), false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                shared.stop().stop();
            }
        }

        private void complete(Outcome outcome, boolean keepAlive) throws InterruptedException {
            long completed = shared.clock().nanoTime();
            inFlight = false;
            endpointMetrics.get(endpoint).record(lanes.get(endpoint), intended, sent, completed, outcome,
                    shared.metrics().expectedIntervalNanos(shared.thinkNanos()));
            if (!keepAlive) {
                close();
            }
            // The think time ends at the start of a whole millisecond, counted from the millisecond the response
            // completed in, as wrk counts its delay(): users whose responses complete within the same millisecond
            // send their next requests together, and the others a millisecond or more apart. Without think time
            // the next request is meant to leave now.
            long wakeAt = Math.floorDiv(completed, ONE_MILLI) + Math.ceilDiv(shared.thinkNanos(), ONE_MILLI);
            intended = shared.thinkNanos() > 0 ? wakeAt * ONE_MILLI : completed;
            if (intended >= stopAt || shared.stop().isStopped()) {
                end();
            } else if (shared.thinkNanos() > 0 || outcome.transportError() != null) {
                // After a transport error the next request waits for the next turn of the loop, so a refused
                // connection cannot recurse through connect, fail and complete.
                if (key != null && key.interestOps() != 0) {
                    key.interestOps(0);
                }
                wakeAtMillis = wakeAt;
                timers.add(this);
            } else {
                wake(completed);
            }
        }

        private void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // nothing left to release
                }
                channel = null;
                key = null;
                pendingWrite = false;
            }
        }

        void end() {
            if (ended) {
                return;
            }
            ended = true;
            close();
            live--;
            if (started) {
                shared.activeUsers().decrementAndGet();
            }
        }
    }
}
