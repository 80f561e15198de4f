package app.medianest.server;

import java.time.Duration;

/**
 * Bounds the shutdown: if the process is still alive {@code limit} after SIGTERM (an upstream that never
 * answers, a stuck thread), it is halted, so a service manager can always restart it. Every acknowledged
 * write is already on disk by then.
 */
final class ShutdownWatchdog {
    private ShutdownWatchdog() {
    }

    static void arm(Duration limit, java.io.PrintStream err) {
        Thread.ofPlatform().daemon().name("medianest-shutdown-watchdog").start(() -> {
            try {
                Thread.sleep(limit);
            } catch (InterruptedException e) {
                return;
            }
            err.println("medianest: shutdown did not finish within " + limit.toSeconds() + " s; halting");
            err.flush();
            Runtime.getRuntime().halt(1);
        });
    }
}
