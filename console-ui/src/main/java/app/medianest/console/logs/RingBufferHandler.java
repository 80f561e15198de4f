package app.medianest.console.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A java.util.logging handler that keeps the last {@code capacity} records in memory, for the console's live
 * log tail. Publishing is a short synchronized array write (no I/O, no allocation beyond the entry), so a busy
 * server is not slowed by the console; readers copy out the entries after a sequence number.
 */
public final class RingBufferHandler extends Handler {
    private final LogEntry[] ring;
    private final Formatter formatter = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };
    private long next;

    public RingBufferHandler(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1 (was " + capacity + ")");
        }
        ring = new LogEntry[capacity];
        setLevel(Level.ALL);
    }

    /** Adds a new handler to the root logger (after the server's log set-up, which resets the handlers). */
    public static RingBufferHandler installOnRoot(int capacity) {
        RingBufferHandler h = new RingBufferHandler(capacity);
        Logger.getLogger("").addHandler(h);
        return h;
    }

    @Override
    public void publish(LogRecord r) {
        if (r == null || !isLoggable(r)) {
            return;
        }
        String name = r.getLoggerName() == null ? "" : r.getLoggerName();
        String msg;
        try {
            msg = formatter.formatMessage(r);
        } catch (RuntimeException e) {
            msg = String.valueOf(r.getMessage());
        }
        if (r.getThrown() != null) {
            msg = msg + " - " + r.getThrown();
        }
        Instant at = r.getInstant();
        String shortName = name.substring(name.lastIndexOf('.') + 1);
        synchronized (this) {
            ring[(int) (next % ring.length)] = new LogEntry(next, at, r.getLevel(), shortName, msg);
            next++;
        }
    }

    /** Entries with {@code seq > after}, oldest first (at most the capacity; older ones are gone). */
    public synchronized List<LogEntry> since(long after) {
        long from = Math.max(after + 1, next - ring.length);
        List<LogEntry> out = new ArrayList<>((int) Math.max(0, next - from));
        for (long s = Math.max(from, 0); s < next; s++) {
            out.add(ring[(int) (s % ring.length)]);
        }
        return out;
    }

    /** Sequence number of the newest entry, -1 when empty. */
    public synchronized long lastSeq() {
        return next - 1;
    }

    public int capacity() {
        return ring.length;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
