package app.medianest.server.events;

import app.medianest.model.events.ServerEvent;

import java.util.List;

/**
 * Where server code reports live events. Publishing never blocks on clients and never throws for a slow or
 * gone client. Call it after the change is committed, so a client never sees a change that was rolled back.
 */
@FunctionalInterface
public interface EventPublisher {
    /** Drops everything (headless tools, unit tests). */
    EventPublisher NONE = events -> { };

    /** Publishes several events as one batch: consecutive ids, delivered to each client in one write. */
    void publishAll(List<? extends ServerEvent> events);

    /** Publishes one event. */
    default void publish(ServerEvent event) {
        publishAll(List.of(event));
    }
}
