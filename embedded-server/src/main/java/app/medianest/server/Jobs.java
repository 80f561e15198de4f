package app.medianest.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server's scheduled jobs on one daemon thread; a failing run is logged and the schedule goes on.
 *
 * <p>Closing never interrupts a running job (an interrupt inside H2's file I/O closes the database): no new
 * run starts, {@link #stopping()} turns true so long jobs can end early, and the running one is waited for.
 */
public final class Jobs implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Jobs.class.getName());

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("medianest-jobs").daemon().factory());
    private volatile boolean stopping;
    private volatile String runningJob;

    /** Runs {@code job} every {@code period}, first after {@code initialDelay}. */
    public void every(String name, Duration initialDelay, Duration period, Runnable job) {
        scheduler.scheduleWithFixedDelay(() -> {
            if (stopping) {
                return;
            }
            runningJob = name;
            try {
                job.run();
            } catch (RuntimeException e) {
                if (stopping) {
                    LOG.log(System.Logger.Level.DEBUG, "Job " + name + " ended by the shutdown: " + e);
                } else {
                    LOG.log(System.Logger.Level.WARNING, "Job " + name + " failed; it runs again in " + period, e);
                }
            } finally {
                runningJob = null;
            }
        }, initialDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True once closing began: long-running jobs check it between units of work. */
    public boolean stopping() {
        return stopping;
    }

    /** Stops scheduling and waits up to {@code wait} for a running job; never interrupts it. */
    public boolean close(Duration wait) {
        stopping = true;
        scheduler.shutdown();
        try {
            if (scheduler.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.log(System.Logger.Level.WARNING, "Job {0} still running after {1} ms; not waiting longer",
                runningJob, wait.toMillis());
        return false;
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
