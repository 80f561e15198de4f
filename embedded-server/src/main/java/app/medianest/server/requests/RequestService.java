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
    private final RequestRulesStore rules;

    public RequestService(Jdbc jdbc, MediaRequestRepository repo, NotificationService notifications,
                          EventPublisher events, RequestForwarder forwarder, Clock clock) {
        this(jdbc, repo, notifications, events, forwarder, clock, null);
    }

    /** With request rules (quotas and auto-approval); {@code rules} null applies none. */
    public RequestService(Jdbc jdbc, MediaRequestRepository repo, NotificationService notifications,
                          EventPublisher events, RequestForwarder forwarder, Clock clock, RequestRulesStore rules) {
        this.rules = rules;
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
     * Creates a request owned by the caller: pending, or approved at once when the caller's rules auto-approve
     * this media type. The caller's quota is checked in the same transaction (the user's row is locked, so two
     * concurrent requests cannot both take the last slot); admins are exempt.
     *
     * @throws ApiException 409 ALREADY_REQUESTED when the media item has an active request (anyone's);
     *                      403 QUOTA_EXCEEDED when the request does not fit the caller's quota
     */
    public MediaRequestView create(Principal p, MediaType type, int tmdbId, String title, List<Integer> seasons) {
        UUID owner = requireUser(p);
        Instant now = now();
        NewMediaRequest row = new NewMediaRequest(UUID.randomUUID(), owner, type, tmdbId, title,
                RequestStatus.PENDING, seasons, null, now);
        MediaRequestView created;
        boolean[] autoApproved = {false};
        try {
            created = jdbc.inTransaction(h -> {
                RequestRules.Effective e = rules == null ? null : effective(h, owner, p.role());
                if (e != null && !e.exempt()) {
                    h.queryOne("SELECT id FROM users WHERE id = ? FOR UPDATE", x -> x.uuid("id"), owner);
                    checkQuota(h, owner, type, seasons, e, now);
                }
                MediaRequestView r = repo.insert(h, row);
                forwarder.enqueue(h, Action.CREATE, r);
                if (e != null && e.autoApproves(type)) {
                    r = repo.transition(h, r.id(), PENDING_ONLY, RequestStatus.APPROVED, null, null, now)
                            .orElseThrow();
                    autoApproved[0] = true;
                    notifications.requestCreated(h, r, now);
                    notifications.statusChanged(h, r, now);
                    forwarder.enqueue(h, Action.APPROVE, r);
                } else {
                    notifications.requestCreated(h, r, now);
                }
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
        if (autoApproved[0]) {
            changes.committed(Action.APPROVE, List.of(new RequestUpdated(RequestChange.APPROVED, created)));
        }
        return created;
    }

    private RequestRules.Effective effective(Handle h, UUID userId, app.medianest.model.Role role) {
        return rules.defaults().effective(rules.overrides(h, userId), role);
    }

    private static void checkQuota(Handle h, UUID owner, MediaType type, List<Integer> seasons,
                                   RequestRules.Effective e, Instant now) {
        int limit = e.limit(type);
        if (limit == 0) {
            return;
        }
        int amount = Quotas.amount(type, seasons);
        Quotas.Usage u = Quotas.usage(h, owner, type, limit, e.days(type), now);
        if (u.allows(amount)) {
            return;
        }
        Instant frees = u.freesEnoughAt(amount);
        String unit = type == MediaType.MOVIE ? "movie requests" : "tv seasons";
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("mediaType", type.wire());
        details.put("limit", limit);
        details.put("days", e.days(type));
        details.put("used", u.used());
        details.put("remaining", u.remaining());
        details.put("requested", amount);
        details.put("nextSlotAt", frees == null ? null : frees.toString());
        throw new ApiException(403, "QUOTA_EXCEEDED", "Quota reached: " + u.used() + " of " + limit + " " + unit
                + " in " + e.days(type) + " days; " + u.remaining() + " left"
                + (frees == null ? (amount > limit ? ", and this request alone is over the limit" : "")
                : "; the next slot frees at " + frees), details, null);
    }

    /** The caller's quota: per media type the limit, window, use, what is left and when the next slot frees. */
    public java.util.Map<String, Object> quota(Principal p) {
        UUID owner = requireUser(p);
        Instant now = now();
        return jdbc.withHandle(h -> {
            RequestRules.Effective e = rules == null ? RequestRules.NONE.effective(RequestRules.UserOverrides.NONE,
                    p.role()) : effective(h, owner, p.role());
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("exempt", e.exempt());
            for (MediaType t : MediaType.values()) {
                Quotas.Usage u = Quotas.usage(h, owner, t, e.limit(t), e.days(t), now);
                boolean limited = e.limit(t) > 0 && !e.exempt();
                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("limit", limited ? e.limit(t) : null);
                m.put("days", e.days(t));
                m.put("used", u.used());
                m.put("remaining", limited ? u.remaining() : null);
                m.put("nextSlotAt", limited && u.oldestFreesAt() != null ? u.oldestFreesAt().toString() : null);
                m.put("autoApprove", e.autoApproves(t));
                out.put(t.wire(), m);
            }
            return out;
        });
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

    /** The active request (anyone's) for a media item, if there is one: the title page shows its status. */
    public java.util.Optional<MediaRequestView> active(MediaType type, int tmdbId) {
        return jdbc.withHandle(h -> repo.findActive(h, type, tmdbId));
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
     * successful changes are published together, as one batch, at the end, and each requester gets one
     * notification for all of their requests in the batch (not one per request).
     */
    public BulkResult bulk(Principal admin, List<UUID> ids, BulkAction action, String reason) {
        Action forwarded = action == BulkAction.APPROVE ? Action.APPROVE : Action.DECLINE;
        RequestChange change = action == BulkAction.APPROVE ? RequestChange.APPROVED : RequestChange.DECLINED;
        List<BulkItemResult> results = new ArrayList<>(ids.size());
        List<RequestUpdated> events = new ArrayList<>();
        try {
            for (UUID id : ids) {
                try {
                    MediaRequestView r = action == BulkAction.APPROVE
                            ? decide(admin, id, RequestStatus.APPROVED, null, false)
                            : decide(admin, id, RequestStatus.DECLINED, reason, false);
                    results.add(BulkItemResult.success(id, r.status()));
                    events.add(new RequestUpdated(change, r));
                } catch (ApiException e) {
                    results.add(BulkItemResult.failure(id, e.code(), e.getMessage()));
                }
            }
        } finally {
            notifyBulk(events);
            changes.committed(forwarded, events);
        }
        return BulkResult.of(results);
    }

    private void notifyBulk(List<RequestUpdated> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Instant now = now();
        try {
            jdbc.inTransaction(h -> {
                notifications.bulkChanged(h, changed.stream().map(RequestUpdated::request).toList(), now);
                return null;
            });
        } catch (RuntimeException e) {
            System.getLogger(RequestService.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not store the notifications of a bulk action", e);
        }
    }

    private MediaRequestView decide(Principal admin, UUID id, RequestStatus to, String reason) {
        return decide(admin, id, to, reason, true);
    }

    private MediaRequestView decide(Principal admin, UUID id, RequestStatus to, String reason, boolean notify) {
        Instant now = now();
        return jdbc.inTransaction(h -> {
            MediaRequestView r = repo.transition(h, id, PENDING_ONLY, to, reason, admin.userId(), now)
                    .orElseThrow(() -> whyNot(h, id));
            if (notify) {
                notifications.statusChanged(h, r, now);
            }
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
