package app.medianest.server.db;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Makes a committed H2 write durable before it is acknowledged: group commit on one dedicated thread.
 *
 * <p>H2 2.x ends a transaction by asking its MVStore to write a new chunk, but that request is skipped when
 * another thread's store operation is running, on the assumption that it covers the change; with several
 * writers a commit can return while its chunk is still unwritten, so a {@code kill -9} right after the answer
 * loses it. Here a writer, after its commit returned, takes a ticket and waits until a chunk of a store version
 * that holds every commit made before the ticket has been written and forced to the disk
 * ({@code FileChannel.force}); one store and one sync serve every writer that arrived meanwhile. Only this thread, which is never
 * interrupted, touches the file channel for it, so an interrupted request thread cannot close the database.
 */
public final class H2Durability implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(H2Durability.class.getName());
    private static final long WAIT_LIMIT_MS = 30_000;

    private final MVStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition done = lock.newCondition();
    private final Thread flusher;
    /** Tickets handed out, and the highest ticket whose flush has finished (well or not). */
    private long requested;
    private long settled;
    /** The tickets {@code (failedFrom, failedUpTo]} of the last failed flush. */
    private long failedFrom;
    private long failedUpTo;
    private String failure;
    private boolean closed;

    private H2Durability(MVStore store) {
        this.store = store;
        this.flusher = Thread.ofPlatform().name("medianest-h2-sync").daemon().start(this::loop);
    }

    /** The barrier for the H2 file database behind {@code pool}, or {@code null} (in-memory H2, PostgreSQL). */
    static H2Durability forPool(DataSource pool) {
        try (Connection c = pool.getConnection()) {
            MVStore store = mvStore(c);
            return store == null || store.getFileStore() == null ? null : new H2Durability(store);
        } catch (SQLException e) {
            throw new DataAccessException("cannot reach the H2 store", e);
        }
    }

    /** The MVStore of an embedded H2 connection, or {@code null}. */
    static MVStore mvStore(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        if (!(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local)) {
            return null;
        }
        var s = local.getDatabase().getStore();
        return s == null ? null : s.getMvStore();
    }

    MVStore store() {
        return store;
    }

    /** Returns once everything committed before the call is written and synced; throws if that failed. */
    public void awaitDurable() {
        lock.lock();
        try {
            if (closed) {
                throw new DataAccessException("the database is closing", null);
            }
            long ticket = ++requested;
            work.signal();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_LIMIT_MS);
            while (settled < ticket) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new DataAccessException("the database did not confirm a write within "
                            + WAIT_LIMIT_MS + " ms", null);
                }
                done.awaitNanos(left);
            }
            if (ticket > failedFrom && ticket <= failedUpTo) {
                throw new DataAccessException("the database could not write a commit to disk: " + failure, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessException("interrupted while waiting for a commit to reach the disk", e);
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (true) {
            long target;
            lock.lock();
            try {
                while (requested == settled && !closed) {
                    work.awaitUninterruptibly();
                }
                if (requested == settled) {
                    return;
                }
                target = requested;
            } finally {
                lock.unlock();
            }
            String error = null;
            try {
                flushNow();
            } catch (RuntimeException | Error e) {
                error = e.toString();
                LOG.log(System.Logger.Level.ERROR, "H2: writing commits to disk failed", e);
            }
            lock.lock();
            try {
                if (error != null) {
                    failedFrom = settled;
                    failedUpTo = target;
                    failure = error;
                }
                settled = target;
                done.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Returns once a chunk covering every commit that completed before the call is written and forced to the disk.
     *
     * <p>The commits are in store versions up to the current one, {@code needed}. {@code MVStore.commit()} is
     * skipped while another thread's store is running, and that store may have begun before these commits, so
     * one call proves nothing: the loop stores and syncs until the last written chunk is of version
     * {@code needed} or later, or is of {@code needed - 1} while version {@code needed} holds no change.
     */
    private void flushNow() {
        FileStore<?> fs = store.getFileStore();
        long needed = store.getCurrentVersion();
        long[] written = new long[1];
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_LIMIT_MS);
        for (int attempt = 0; ; attempt++) {
            if (store.isClosed()) {
                throw new IllegalStateException("the H2 store is closed");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("no chunk of version " + needed + " was written within "
                        + WAIT_LIMIT_MS + " ms");
            }
            store.commit();
            // Waits for the stores other threads began (their chunks written), notes the last chunk, then syncs.
            fs.executeFileStoreOperation(() -> {
                written[0] = fs.lastChunkVersion();
                fs.sync();
            });
            if (written[0] >= needed) {
                return;
            }
            long current = store.getCurrentVersion();
            boolean unsaved = store.hasUnsavedChanges();
            if (written[0] >= needed - 1 && current == needed && !unsaved && store.getCurrentVersion() == needed) {
                return;
            }
            if (attempt > 0) {
                Thread.onSpinWait();
                Thread.yield();
            }
        }
    }

    /** Flushes what is pending and stops the flusher thread (before the database closes). */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            flusher.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
