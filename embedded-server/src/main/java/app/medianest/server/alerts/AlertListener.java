package app.medianest.server.alerts;

import app.medianest.model.perf.AlertView;

/**
 * Told when an alert is raised or resolved (never again while a condition simply holds). The events
 * component turns these into {@code alert.raised} / {@code alert.resolved} SSE events and admin
 * notifications; register with {@code AlertEngine.addListener}. Called on the alert job's thread after the
 * change is stored: keep it quick and do not throw (exceptions are logged and ignored).
 */
public interface AlertListener {
    /** Does nothing. */
    AlertListener NONE = new AlertListener() {
    };

    /** {@code alert} was raised (its {@code resolvedAt} is null). */
    default void raised(AlertView alert) {
    }

    /**
     * {@code alert} resolved: the value recovered, the alert escalated to critical (a new critical alert is
     * raised right after), or its rule was changed, disabled or removed.
     */
    default void resolved(AlertView alert) {
    }
}
