package app.medianest.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The server's scheduled jobs on one daemon thread; a failing run is logged and the schedule goes on. */
public final class Jobs implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Jobs.class.getName());

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("medianest-jobs").daemon().factory());

    /** Runs {@code job} every {@code period}, first after {@code initialDelay}. */
    public void every(String name, Duration initialDelay, Duration period, Runnable job) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Job " + name + " failed; it runs again in " + period, e);
            }
        }, initialDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
