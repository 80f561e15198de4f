package app.medianest.server.overseerr;

import app.medianest.server.db.Handle;

import java.util.UUID;

/**
 * Forwards request changes to Overseerr without ever losing or doubling one: each call records an outbox row in
 * the caller's transaction (so it commits or rolls back with the request change itself), and
 * {@link OutboxWorker} delivers the rows later, retrying with backoff while Overseerr is down.
 *
 * <p>Call it inside the transaction that creates or changes the request, after the request row is written:
 * <pre>{@code
 * jdbc.inTransaction(h -> {
 *     MediaRequestView created = requests.insert(h, newRequest);
 *     forwarder.enqueueCreate(h, created.id());
 *     return created;
 * });
 * }</pre>
 * Nothing is recorded while Overseerr is not configured (the request simply stays local).
 */
public interface OverseerrForwarder {
    /** Records nothing (no Overseerr integration). */
    OverseerrForwarder NONE = new OverseerrForwarder() {
        @Override
        public void enqueueCreate(Handle h, UUID requestId) {
        }

        @Override
        public void enqueueApprove(Handle h, UUID requestId) {
        }

        @Override
        public void enqueueDecline(Handle h, UUID requestId, String reason) {
        }
    };

    /** The request was created: create it in Overseerr. */
    void enqueueCreate(Handle h, UUID requestId);

    /** An admin approved the request: approve it in Overseerr (creating it first if it never was). */
    void enqueueApprove(Handle h, UUID requestId);

    /**
     * An admin declined the request: decline it in Overseerr if it was (or is about to be) created there.
     * Overseerr's API takes no reason; {@code reason} stays in MediaNest only.
     */
    void enqueueDecline(Handle h, UUID requestId, String reason);
}
