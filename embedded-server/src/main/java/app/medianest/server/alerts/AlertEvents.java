package app.medianest.server.alerts;

import app.medianest.model.events.AlertRaised;
import app.medianest.model.events.AlertResolved;
import app.medianest.model.perf.AlertView;
import app.medianest.server.events.EventPublisher;

/** Turns alert transitions into live events for admins ({@code alert.raised}, {@code alert.resolved}). */
public final class AlertEvents implements AlertListener {
    private final EventPublisher events;

    public AlertEvents(EventPublisher events) {
        this.events = events;
    }

    @Override
    public void raised(AlertView a) {
        events.publish(new AlertRaised(a.id(), a.ruleId(), String.valueOf(a.metric()), a.severity().toString(), a.value(),
                a.threshold(), a.message(), a.since()));
    }

    @Override
    public void resolved(AlertView a) {
        events.publish(new AlertResolved(a.id(), a.ruleId(), String.valueOf(a.metric()), a.resolvedAt()));
    }
}
