package app.medianest.server.notifications;

import app.medianest.server.db.Handle;

import java.util.List;

/** Sends stored notifications on beyond MediaNest (email, webhooks...): queued in the caller's transaction. */
public interface OutboundNotifications {
    /** Queues nothing. */
    OutboundNotifications NONE = (h, rows) -> { };

    void enqueue(Handle h, List<NewNotification> rows);
}
