package app.medianest.server.upstream;

/**
 * What the integrations tell the rest of the server: breaker transitions and service status changes. The event
 * bus (SSE {@code service.status}) and admin notifications connect here; the default does nothing.
 * Implementations must be quick and must not throw: they are called on the thread that saw the change.
 */
public interface ServiceEvents {
    /** Discards every event. */
    ServiceEvents NONE = new ServiceEvents() {
    };

    /** An upstream's breaker changed state (also logged by the resilience layer). */
    default void breakerTransition(BreakerTransition transition) {
    }

    /** A monitored service changed status (up, down, degraded, unknown). */
    default void statusChanged(ServiceStatusChange change) {
    }

    /** Passes every event to each of {@code listeners} (a live, thread-safe collection), in order. */
    static ServiceEvents broadcast(java.util.Collection<? extends ServiceEvents> listeners) {
        return new ServiceEvents() {
            @Override
            public void breakerTransition(BreakerTransition transition) {
                listeners.forEach(l -> l.breakerTransition(transition));
            }

            @Override
            public void statusChanged(ServiceStatusChange change) {
                listeners.forEach(l -> l.statusChanged(change));
            }
        };
    }
}
