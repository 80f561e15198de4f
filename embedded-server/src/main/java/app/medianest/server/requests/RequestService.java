package app.medianest.server.requests;

import app.medianest.model.MediaRequestView;
import app.medianest.model.MediaType;
import app.medianest.model.RequestCounts;
import app.medianest.model.RequestStatus;
import app.medianest.model.events.RequestChange;
import app.medianest.model.events.RequestUpdated;
import app.medianest.model.requests.BulkItemResult;
import app.medianest.model.requests.BulkResult;
import app.medianest.server.http.Principal;
import app.medianest.server.db.DataAccessException;
import app.medianest.server.db.Handle;
import app.medianest.server.db.Jdbc;
import app.medianest.server.db.Page;
import app.medianest.server.events.EventPublisher;
import app.medianest.server.http.ApiException;
import app.medianest.server.notifications.NotificationService;
import app.medianest.server.requests.RequestForwarder.Action;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rules of media requests as people change them: create (one active request per media item, enforced by
 * the database), read with ownership, delete while pending, approve and decline by admins, bulk actions. Each
 * change runs in one transaction together with its notifications and the {@link RequestForwarder}'s outbox
 * write; after the commit the forwarder is told and a {@code request.updated} event is published.
 */
public final class RequestService {
    private static final List<RequestStatus> PENDING_ONLY = List.of(RequestStatus.PENDING);

    private final Jdbc jdbc;
    private final MediaRequestRepository repo;
    private final NotificationService notifications;
    private final RequestChanges changes;
    private final RequestForwarder forwarder;
    private final Clock clock;

    public RequestService(Jdbc jdbc, MediaRequestRepository repo, NotificationService notifications,
                          EventPublisher events, RequestForwarder forwarder, Clock clock) {
        this.jdbc = jdbc;
        this.repo = repo;
        this.notifications = notifications;
        this.changes = new RequestChanges(events, forwarder);
        this.forwarder = forwarder;
        this.clock = clock;
    }

    /** A bulk action. */
    public enum BulkAction { APPROVE, DECLINE }

    /**
     * Creates a pending request owned by the caller.
     *
     * @throws ApiException 409 ALREADY_REQUESTED when the media item has an active request (anyone's)
     */
    public MediaRequestView create(Principal p, MediaType type, int tmdbId, String title, List<Integer> seasons) {
        UUID owner = requireUser(p);
        Instant now = now();
        NewMediaRequest row = new NewMediaRequest(UUID.randomUUID(), owner, type, tmdbId, title,
                RequestStatus.PENDING, seasons, null, now);
        MediaRequestView created;
        try {
            created = jdbc.inTransaction(h -> {
                MediaRequestView r = repo.insert(h, row);
                notifications.requestCreated(h, r, now);
                forwarder.enqueue(h, Action.CREATE, r);
                return r;
            });
        } catch (DataAccessException.ConstraintViolation e) {
            if (e.isUnique()) {
                throw ApiException.conflict("ALREADY_REQUESTED", "This " + type.wire()
                        + " already has an active request");
            }
            throw e;
        }
        changes.committed(Action.CREATE, List.of(new RequestUpdated(RequestChange.CREATED, created)));
        return created;
    }

    /** One page of requests (the caller has applied ownership to {@code filter}). */
    public Page<MediaRequestView> list(RequestFilter filter, String sort, boolean desc, String cursor, int limit) {
        return repo.list(filter, sort, desc, cursor, limit);
    }

    public RequestCounts counts(UUID userId) {
        return repo.counts(userId);
    }

    /** A request the caller owns, or any request for an admin. */
    public MediaRequestView get(Principal p, UUID id) {
        MediaRequestView r = repo.findById(id).orElseThrow(RequestService::notFound);
        checkAccess(p, r);
        return r;
    }

    /** Deletes a pending request of the caller (or any pending request, for an admin). */
    public MediaRequestView delete(Principal p, UUID id) {
        MediaRequestView deleted = jdbc.inTransaction(h -> {
            MediaRequestView r = repo.findById(h, id).orElseThrow(RequestService::notFound);
            checkAccess(p, r);
            if (r.status() != RequestStatus.PENDING) {
                throw invalidState(r);
            }
            forwarder.enqueue(h, Action.DELETE, r);
            if (!repo.deleteIfPending(h, id)) {
                throw invalidState(repo.findById(h, id).orElse(r));
            }
            return r;
        });
        changes.committed(Action.DELETE, List.of(new RequestUpdated(RequestChange.DELETED, deleted)));
        return deleted;
    }

    /** pending → approved. */
    public MediaRequestView approve(Principal admin, UUID id) {
        MediaRequestView r = decide(admin, id, RequestStatus.APPROVED, null);
        changes.committed(Action.APPROVE, List.of(new RequestUpdated(RequestChange.APPROVED, r)));
        return r;
    }

    /** pending → declined, with an optional reason shown to the requester. */
    public MediaRequestView decline(Principal admin, UUID id, String reason) {
        MediaRequestView r = decide(admin, id, RequestStatus.DECLINED, reason);
        changes.committed(Action.DECLINE, List.of(new RequestUpdated(RequestChange.DECLINED, r)));
        return r;
    }

    /**
     * Approves or declines each id in its own transaction; one result per id, in order. The events of all
     * successful changes are published together, as one batch, at the end.
     */
    public BulkResult bulk(Principal admin, List<UUID> ids, BulkAction action, String reason) {
        Action forwarded = action == BulkAction.APPROVE ? Action.APPROVE : Action.DECLINE;
        RequestChange change = action == BulkAction.APPROVE ? RequestChange.APPROVED : RequestChange.DECLINED;
        List<BulkItemResult> results = new ArrayList<>(ids.size());
        List<RequestUpdated> events = new ArrayList<>();
        try {
            for (UUID id : ids) {
                try {
                    MediaRequestView r = action == BulkAction.APPROVE ? decide(admin, id, RequestStatus.APPROVED, null)
                            : decide(admin, id, RequestStatus.DECLINED, reason);
                    results.add(BulkItemResult.success(id, r.status()));
                    events.add(new RequestUpdated(change, r));
                } catch (ApiException e) {
                    results.add(BulkItemResult.failure(id, e.code(), e.getMessage()));
                }
            }
        } finally {
            changes.committed(forwarded, events);
        }
        return BulkResult.of(results);
    }

    private MediaRequestView decide(Principal admin, UUID id, RequestStatus to, String reason) {
        Instant now = now();
        return jdbc.inTransaction(h -> {
            MediaRequestView r = repo.transition(h, id, PENDING_ONLY, to, reason, admin.userId(), now)
                    .orElseThrow(() -> whyNot(h, id));
            notifications.statusChanged(h, r, now);
            forwarder.enqueue(h, to == RequestStatus.APPROVED ? Action.APPROVE : Action.DECLINE, r);
            return r;
        });
    }

    private ApiException whyNot(Handle h, UUID id) {
        return repo.findById(h, id).map(RequestService::invalidState).orElseGet(RequestService::notFound);
    }

    private static void checkAccess(Principal p, MediaRequestView r) {
        if (!p.isAdmin() && (p.userId() == null || !p.userId().equals(r.userId()))) {
            throw ApiException.forbidden("This request belongs to someone else");
        }
    }

    /** The caller's user id; an API key whose creating admin was deleted has none and cannot own requests. */
    public static UUID requireUser(Principal p) {
        if (p.userId() == null) {
            throw ApiException.forbidden("This API key is not tied to a user");
        }
        return p.userId();
    }

    static ApiException notFound() {
        return ApiException.notFound("REQUEST_NOT_FOUND", "No such request");
    }

    private static ApiException invalidState(MediaRequestView r) {
        return ApiException.conflict("INVALID_STATE", "Only pending requests can be changed this way; this one is "
                + r.status().wire());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
