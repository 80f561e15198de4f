package app.medianest.server.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** An executor that only queues tasks; a test runs them when it says so (background work made deterministic). */
public final class QueuedExecutor implements Executor {
    private final List<Runnable> queued = new ArrayList<>();

    @Override
    public synchronized void execute(Runnable task) {
        queued.add(task);
    }

    /** Tasks queued and not run yet. */
    public synchronized int pending() {
        return queued.size();
    }

    /** Runs the queued tasks, in order, on the calling thread. */
    public void runAll() {
        List<Runnable> due;
        synchronized (this) {
            due = List.copyOf(queued);
            queued.clear();
        }
        due.forEach(Runnable::run);
    }
}
