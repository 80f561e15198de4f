package app.medianest.server.requests;

import app.medianest.model.events.RequestUpdated;
import app.medianest.server.events.EventPublisher;

import java.util.List;

/** What follows a committed request change: tell the forwarder (best effort), then publish the events as one batch. */
final class RequestChanges {
    private static final System.Logger LOG = System.getLogger(RequestChanges.class.getName());

    private final EventPublisher events;
    private final RequestForwarder forwarder;

    RequestChanges(EventPublisher events, RequestForwarder forwarder) {
        this.events = events;
        this.forwarder = forwarder;
    }

    /** After commit; {@code forwarded} is null for changes that are not forwarded (they came from upstream). */
    void committed(RequestForwarder.Action forwarded, List<RequestUpdated> changed) {
        if (forwarded != null) {
            for (RequestUpdated u : changed) {
                try {
                    forwarder.committed(forwarded, u.request());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Request forwarder failed after commit of " + forwarded.wire()
                            + " " + u.request().id() + "; the outbox retry will handle it", e);
                }
            }
        }
        try {
            events.publishAll(changed);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Publishing request events failed", e);
        }
    }
}
