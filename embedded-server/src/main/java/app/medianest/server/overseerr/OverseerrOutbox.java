package app.medianest.server.overseerr;

import app.medianest.server.db.Handle;

import java.time.Clock;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** {@link OverseerrForwarder} over the {@code request_outbox} table. */
public final class OverseerrOutbox implements OverseerrForwarder {
    private final OutboxRepository outbox;
    private final BooleanSupplier configured;
    private final Clock clock;

    /**
     * @param configured whether Overseerr is configured right now (nothing is recorded otherwise)
     */
    public OverseerrOutbox(OutboxRepository outbox, BooleanSupplier configured, Clock clock) {
        this.outbox = outbox;
        this.configured = configured;
        this.clock = clock;
    }

    @Override
    public void enqueueCreate(Handle h, UUID requestId) {
        if (configured.getAsBoolean()) {
            outbox.insert(h, requestId, OutboxAction.CREATE, clock.instant());
        }
    }

    @Override
    public void enqueueApprove(Handle h, UUID requestId) {
        if (!configured.getAsBoolean()) {
            return;
        }
        if (!outbox.has(h, requestId, OutboxAction.CREATE)) {
            outbox.insert(h, requestId, OutboxAction.CREATE, clock.instant());
        }
        outbox.insert(h, requestId, OutboxAction.APPROVE, clock.instant());
    }

    @Override
    public void enqueueDecline(Handle h, UUID requestId, String reason) {
        if (configured.getAsBoolean() && outbox.has(h, requestId, OutboxAction.CREATE)) {
            outbox.insert(h, requestId, OutboxAction.DECLINE, clock.instant());
        }
    }
}
