package app.medianest.server.overseerr;

import app.medianest.server.upstream.UpstreamException;

import java.time.Clock;
import java.util.Optional;

/**
 * Delivers due outbox rows to Overseerr, oldest first. A row is marked sent in the same transaction that stores
 * Overseerr's request id, and a create for a request that already has an id is not sent again; if an answer got
 * lost after Overseerr created the request, the retry meets Overseerr's 409 and adopts the existing request
 * instead of making a second one. Failures reschedule the row with exponential backoff and jitter; while
 * Overseerr is down (or its breaker open) a run stops at the first failure. Rows are never dropped.
 */
public final class OutboxWorker {
    private static final System.Logger LOG = System.getLogger(OutboxWorker.class.getName());

    private final OutboxRepository outbox;
    private final OverseerrClient overseerr;
    private final Backoff backoff;
    private final Clock clock;

    public OutboxWorker(OutboxRepository outbox, OverseerrClient overseerr, Backoff backoff, Clock clock) {
        this.outbox = outbox;
        this.overseerr = overseerr;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** What one run did. */
    public record RunResult(int sent, int failed, int deferred) {
    }

    private volatile boolean stopped;

    /** Ends a run in progress after its current entry, and makes later runs do nothing (shutdown). */
    public void stop() {
        stopped = true;
    }

    /** Sends what is due now; runs never overlap. */
    public synchronized RunResult runOnce() {
        if (!overseerr.configured() || stopped) {
            return new RunResult(0, 0, 0);
        }
        int sent = 0;
        int failed = 0;
        int deferred = 0;
        for (OutboxEntry e : outbox.due(clock.instant())) {
            if (stopped) {
                break;
            }
            try {
                Optional<Delivered> d = deliver(e);
                if (d.isEmpty()) {
                    deferred++;
                    continue;
                }
                outbox.markSent(e, d.get().overseerrId(), d.get().note(), clock.instant());
                sent++;
            } catch (UpstreamException ex) {
                failed++;
                outbox.reschedule(e.id(), clock.instant().plus(backoff.delay(e.attempts() + 1)), ex.getMessage());
                LOG.log(System.Logger.Level.INFO, "Overseerr {0} of request {1} failed (attempt {2}): {3}",
                        e.action(), e.requestId(), e.attempts() + 1, ex.getMessage());
                if (ex.kind() != UpstreamException.Kind.CLIENT_ERROR) {
                    break;
                }
            }
        }
        if (sent > 0) {
            LOG.log(System.Logger.Level.INFO, "Forwarded {0} request change(s) to Overseerr", sent);
        }
        return new RunResult(sent, failed, deferred);
    }

    /** Done: what to record. */
    private record Delivered(Integer overseerrId, String note) {
    }

    private Optional<Delivered> deliver(OutboxEntry e) {
        return switch (e.action()) {
            case CREATE -> Optional.of(create(e));
            case APPROVE, DECLINE -> changeStatus(e);
        };
    }

    private Delivered create(OutboxEntry e) {
        if (e.overseerrId() != null) {
            return new Delivered(null, "already created in Overseerr as request " + e.overseerrId());
        }
        try {
            return new Delivered(overseerr.createRequest(e.mediaType(), e.tmdbId(), e.seasons()), null);
        } catch (UpstreamException ex) {
            if (ex.kind() != UpstreamException.Kind.CLIENT_ERROR || ex.status() != 409) {
                throw ex;
            }
            // Overseerr already has it: ours (an earlier answer was lost) or someone else's. Adopt that request.
            return overseerr.activeRequestId(e.mediaType(), e.tmdbId())
                    .map(id -> new Delivered(id, "adopted the existing Overseerr request " + id))
                    .orElseGet(() -> new Delivered(null, "Overseerr already has this title; nothing to request"));
        }
    }

    private Optional<Delivered> changeStatus(OutboxEntry e) {
        Integer id = e.overseerrId() != null ? e.overseerrId() : outbox.overseerrId(e.requestId());
        if (id == null) {
            return outbox.createPending(e.requestId()) ? Optional.empty()
                    : Optional.of(new Delivered(null, "no Overseerr request to " + e.action().wire()));
        }
        try {
            if (e.action() == OutboxAction.APPROVE) {
                overseerr.approve(id);
            } else {
                overseerr.decline(id);
            }
            return Optional.of(new Delivered(null, null));
        } catch (UpstreamException ex) {
            if (ex.kind() == UpstreamException.Kind.CLIENT_ERROR && ex.status() == 404) {
                return Optional.of(new Delivered(null, "Overseerr request " + id + " no longer exists"));
            }
            throw ex;
        }
    }
}
