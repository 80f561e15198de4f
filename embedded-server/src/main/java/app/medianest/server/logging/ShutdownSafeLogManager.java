package app.medianest.server.logging;

import java.util.logging.LogManager;

/**
 * The JDK's LogManager closes every handler in its own shutdown hook, so whatever MediaNest logs while it
 * shuts down gracefully (on SIGTERM) would be lost. This manager ignores that automatic reset and lets
 * {@link LogSetup} reset explicitly. Installed through {@code java.util.logging.manager} by the mains.
 */
public final class ShutdownSafeLogManager extends LogManager {
    private static volatile ShutdownSafeLogManager instance;
    private volatile boolean explicitReset;

    public ShutdownSafeLogManager() {
        instance = this;
    }

    @Override
    public void reset() {
        if (explicitReset || !isShuttingDown()) {
            super.reset();
        }
    }

    /** Closes the handlers at the very end of a graceful shutdown. */
    public static void finish() {
        ShutdownSafeLogManager m = instance;
        if (m != null) {
            m.explicitReset = true;
            m.reset();
        }
    }

    private static boolean isShuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
