package app.medianest.server.requests;

import app.medianest.model.MediaRequestView;
import app.medianest.server.db.Handle;
import app.medianest.server.overseerr.OverseerrForwarder;
import app.medianest.server.overseerr.OutboxWorker;

import java.util.concurrent.Executor;

/**
 * Forwards request changes to Overseerr through the persisted outbox: the outbox row commits with the change
 * (so nothing is lost if Overseerr, or MediaNest, goes down), and after the commit the worker is nudged on a
 * background thread so a healthy Overseerr sees the request at once. A local delete leaves Overseerr's
 * request in place (documented).
 */
public final class OverseerrRequestForwarder implements RequestForwarder {
    private final OverseerrForwarder outbox;
    private final OutboxWorker worker;
    private final Executor background;

    public OverseerrRequestForwarder(OverseerrForwarder outbox, OutboxWorker worker, Executor background) {
        this.outbox = outbox;
        this.worker = worker;
        this.background = background;
    }

    @Override
    public void enqueue(Handle h, Action action, MediaRequestView request) {
        switch (action) {
            case CREATE -> outbox.enqueueCreate(h, request.id());
            case APPROVE -> outbox.enqueueApprove(h, request.id());
            case DECLINE -> outbox.enqueueDecline(h, request.id(), request.declineReason());
            case DELETE -> {
            }
        }
    }

    @Override
    public void committed(Action action, MediaRequestView request) {
        if (action != Action.DELETE) {
            background.execute(worker::runOnce);
        }
    }
}
