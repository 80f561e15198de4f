package app.medianest.server.requests;

import app.medianest.model.MediaRequestView;
import app.medianest.model.MediaType;
import app.medianest.model.RequestStatus;
import app.medianest.model.events.RequestChange;
import app.medianest.model.events.RequestUpdated;
import app.medianest.server.db.Handle;
import app.medianest.server.db.Jdbc;
import app.medianest.server.events.EventPublisher;
import app.medianest.server.notifications.NotificationService;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies status changes reported by Overseerr to the local request. The request is found by its linked
 * Overseerr request id, else by the media item's active request (which must not be linked to another Overseerr
 * request; it is then linked to this one). Only forward moves are applied (pending → approved; pending or
 * approved → available, declined or failed); anything else is reported as not applied. Changes from upstream
 * notify the requester and publish {@code request.updated}, but are not forwarded back.
 */
public final class UpstreamStatusService {
    private static final List<RequestStatus> OPEN = List.of(RequestStatus.PENDING, RequestStatus.APPROVED);

    private final Jdbc jdbc;
    private final MediaRequestRepository repo;
    private final NotificationService notifications;
    private final RequestChanges changes;
    private final Clock clock;

    public UpstreamStatusService(Jdbc jdbc, MediaRequestRepository repo, NotificationService notifications,
                                 EventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.repo = repo;
        this.notifications = notifications;
        this.changes = new RequestChanges(events, RequestForwarder.NONE);
        this.clock = clock;
    }

    /**
     * A reported change; the identifying fields are null when the payload did not carry them.
     *
     * @param overseerrRequestId Overseerr's request id
     * @param mediaType          movie or tv
     * @param tmdbId             TMDB id
     * @param target             the status the report implies
     * @param reason             decline reason to store, or null
     */
    public record Update(Integer overseerrRequestId, MediaType mediaType, Integer tmdbId, RequestStatus target,
                         String reason) {
    }

    /** What became of a report: applied, or why not; {@code requestId}/{@code status} of the matched request. */
    public record Outcome(boolean applied, UUID requestId, RequestStatus status, String note) {
    }

    public Outcome apply(Update u) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<RequestStatus> from = u.target() == RequestStatus.APPROVED ? List.of(RequestStatus.PENDING) : OPEN;
        MediaRequestView[] moved = new MediaRequestView[1];
        Outcome outcome = jdbc.inTransaction(h -> {
            Optional<MediaRequestView> match = match(h, u);
            if (match.isEmpty()) {
                return new Outcome(false, null, null, "no matching request");
            }
            MediaRequestView r = match.get();
            if (!from.contains(r.status())) {
                return new Outcome(false, r.id(), r.status(), "the request is already " + r.status().wire());
            }
            Optional<MediaRequestView> changed = repo.transition(h, r.id(), from, u.target(), u.reason(), null, now);
            if (changed.isEmpty()) {
                return new Outcome(false, r.id(), r.status(), "the request changed meanwhile");
            }
            notifications.statusChanged(h, changed.get(), now);
            moved[0] = changed.get();
            return new Outcome(true, r.id(), u.target(), "applied");
        });
        if (moved[0] != null) {
            changes.committed(null, List.of(new RequestUpdated(RequestChange.parse(u.target().wire()), moved[0])));
        }
        return outcome;
    }

    private Optional<MediaRequestView> match(Handle h, Update u) {
        if (u.overseerrRequestId() != null) {
            Optional<MediaRequestView> linked = repo.findByOverseerrId(h, u.overseerrRequestId());
            if (linked.isPresent()) {
                return linked;
            }
        }
        if (u.mediaType() == null || u.tmdbId() == null) {
            return Optional.empty();
        }
        Optional<MediaRequestView> active = repo.findActive(h, u.mediaType(), u.tmdbId());
        if (active.isEmpty() || u.overseerrRequestId() == null) {
            return active;
        }
        Optional<Integer> linkedTo = repo.overseerrId(h, active.get().id());
        if (linkedTo.isPresent() && !linkedTo.get().equals(u.overseerrRequestId())) {
            return Optional.empty();
        }
        repo.linkOverseerr(h, active.get().id(), u.overseerrRequestId());
        return active;
    }
}
