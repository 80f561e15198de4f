package app.medianest.console.concurrent;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The console's one scheduling thread: view models register a periodic {@code refresh} verb here. Each
 * refresh fetches one snapshot in the background and applies it on the FX thread in one pass, so a tick
 * costs one {@code runLater}, whatever the number of data points.
 */
public final class Poller implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Poller.class.getName());

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("medianest-console-poller").daemon().factory());

    /** Calls {@code action} every {@code period} (fixed rate; a failure is logged and the schedule goes on). */
    public ScheduledFuture<?> every(String name, Duration period, Runnable action) {
        return scheduler.scheduleAtFixedRate(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "Console poll " + name + " failed", e);
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
