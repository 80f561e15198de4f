package app.medianest.server.requests;

import app.medianest.model.MediaRequestView;
import app.medianest.server.db.Handle;

/**
 * The seam through which {@link RequestService} hands request changes made in MediaNest to Overseerr
 * (the Overseerr outbox implements it; the default does nothing, so requests are simply kept locally). It is called for changes people make through the API; status changes that come <em>from</em>
 * Overseerr (its webhook) are not forwarded back.
 *
 * <p>Two calls per change:
 * <ol>
 *   <li>{@link #enqueue} inside the database transaction of the change, with its {@link Handle}: write the
 *       outbox row there ({@code request_outbox}, action = {@link Action#wire()}), so the change and the intent
 *       to forward it commit together. Throwing rolls the change back and the caller gets an error.</li>
 *   <li>{@link #committed} after the commit, on the request's thread: wake the outbox worker. It must not
 *       block or call Overseerr inline; exceptions are logged and otherwise ignored (the change is already
 *       committed, and the outbox retry job will pick the row up).</li>
 * </ol>
 * For {@link Action#DELETE}, {@code enqueue} runs just before the request row is deleted in the same
 * transaction; outbox rows that reference the request are removed with it ({@code ON DELETE CASCADE}), so an
 * implementation must keep what it needs to cancel upstream (e.g. the Overseerr id, see
 * {@link MediaRequestRepository#overseerrId}) elsewhere.
 */
public interface RequestForwarder {
    /** Keeps requests local only. */
    RequestForwarder NONE = new RequestForwarder() {
    };

    /** The change to forward; the wire value matches {@code request_outbox.action}. */
    enum Action {
        CREATE, APPROVE, DECLINE, DELETE;

        /** {@code create}, {@code approve}, {@code decline} or {@code delete}. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** In the change's transaction; see the type's documentation. */
    default void enqueue(Handle h, Action action, MediaRequestView request) {
    }

    /** After the change's commit; see the type's documentation. */
    default void committed(Action action, MediaRequestView request) {
    }
}
