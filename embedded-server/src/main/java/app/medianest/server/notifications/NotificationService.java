package app.medianest.server.notifications;

import app.medianest.model.MediaRequestView;
import app.medianest.model.RequestStatus;
import app.medianest.server.db.Handle;
import app.medianest.server.users.UserRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who is told about which request change. Runs inside the transaction of the change, so a change and its
 * notifications are stored together or not at all.
 * <ul>
 *   <li>a new request: every active admin except the requester</li>
 *   <li>approved, declined, available, failed: the requester (unless the account was deleted)</li>
 * </ul>
 */
public final class NotificationService {
    private final NotificationRepository notifications;
    private final UserRepository users;
    private volatile OutboundNotifications outbound = OutboundNotifications.NONE;

    public NotificationService(NotificationRepository notifications, UserRepository users) {
        this.notifications = notifications;
        this.users = users;
    }

    /** Where stored notifications go on to (email, webhooks...); queued in the same transaction. */
    public void outbound(OutboundNotifications outbound) {
        this.outbound = outbound;
    }

    private void store(Handle h, List<NewNotification> rows) {
        if (rows.isEmpty()) {
            return;
        }
        notifications.insertAll(h, rows);
        outbound.enqueue(h, rows);
    }

    /** One notification for one user, in its own transaction (downloads). */
    public void toUser(app.medianest.server.db.Jdbc jdbc, UUID userId, String type, String title, String message,
                       Map<String, Object> data, Instant now) {
        jdbc.inTransaction(h -> {
            store(h, List.of(new NewNotification(userId, type, title, message, data, now)));
            return null;
        });
    }

    /**
     * The outcome of a bulk action: one notification per requester naming all of their requests that reached
     * the same status (one request: the usual single notification).
     */
    public void bulkChanged(Handle h, List<MediaRequestView> changed, Instant now) {
        Map<UUID, Map<RequestStatus, List<MediaRequestView>>> byUser = new LinkedHashMap<>();
        for (MediaRequestView r : changed) {
            if (r.userId() != null && notifiesOwner(r.status())) {
                byUser.computeIfAbsent(r.userId(), u -> new LinkedHashMap<>())
                        .computeIfAbsent(r.status(), st -> new ArrayList<>()).add(r);
            }
        }
        List<NewNotification> rows = new ArrayList<>();
        byUser.forEach((user, byStatus) -> byStatus.forEach((status, list) -> {
            if (list.size() == 1) {
                NewNotification n = single(list.getFirst(), now);
                if (n != null) {
                    rows.add(n);
                }
                return;
            }
            String verb = status == RequestStatus.APPROVED ? "approved" : status.wire();
            String titles = String.join(", ", list.stream().map(MediaRequestView::title).toList());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("requestIds", list.stream().map(r -> r.id().toString()).toList());
            d.put("status", status.wire());
            d.put("count", list.size());
            String reason = status == RequestStatus.DECLINED ? list.getFirst().declineReason() : null;
            rows.add(new NewNotification(user, "request." + status.wire(), list.size() + " requests " + verb,
                    list.size() + " of your requests were " + verb + ": " + titles
                    + (reason == null || reason.isBlank() ? "" : " (" + reason + ")"), d, now));
        }));
        store(h, rows);
    }

    /** Tells the admins about a new request. */
    public void requestCreated(Handle h, MediaRequestView r, Instant now) {
        String who = r.username() == null ? "Someone" : r.username();
        List<NewNotification> rows = new ArrayList<>();
        for (UUID admin : users.activeAdminIds(h)) {
            if (!admin.equals(r.userId())) {
                rows.add(new NewNotification(admin, "request.created", "New request",
                        who + " requested " + r.title() + " (" + r.mediaType() + ")", data(r), now));
            }
        }
        store(h, rows);
    }

    /** One notification for every active admin (service outages, breakers, alerts). */
    public void toAdmins(app.medianest.server.db.Jdbc jdbc, String type, String title, String message,
                         java.util.Map<String, Object> data, Instant now) {
        jdbc.inTransaction(h -> {
            List<NewNotification> rows = new ArrayList<>();
            for (UUID admin : users.activeAdminIds(h)) {
                rows.add(new NewNotification(admin, type, title, message, data, now));
            }
            store(h, rows);
            return rows.size();
        });
    }

    /** Tells the requester that their request reached {@code r.status()}. Other states notify nobody. */
    public void statusChanged(Handle h, MediaRequestView r, Instant now) {
        NewNotification n = single(r, now);
        if (n != null) {
            store(h, List.of(n));
        }
    }

    private static NewNotification single(MediaRequestView r, Instant now) {
        if (r.userId() == null) {
            return null;
        }
        return switch (r.status()) {
            case APPROVED -> of(r, "Request approved", r.title() + " was approved and is on its way", now);
            case DECLINED -> of(r, "Request declined", r.title() + " was declined"
                    + (r.declineReason() == null || r.declineReason().isBlank() ? "" : ": " + r.declineReason()), now);
            case AVAILABLE -> of(r, "Now available", r.title() + " is now available on Plex", now);
            case FAILED -> of(r, "Request failed", r.title() + " could not be downloaded", now);
            case PENDING -> null;
        };
    }

    private static NewNotification of(MediaRequestView r, String title, String message, Instant now) {
        return new NewNotification(r.userId(), "request." + r.status().wire(), title, message, data(r), now);
    }

    private static Map<String, Object> data(MediaRequestView r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("requestId", r.id().toString());
        d.put("mediaType", r.mediaType().wire());
        d.put("tmdbId", r.tmdbId());
        d.put("status", r.status().wire());
        return d;
    }

    /** The statuses a requester hears about. */
    public static boolean notifiesOwner(RequestStatus s) {
        return s == RequestStatus.APPROVED || s == RequestStatus.DECLINED || s == RequestStatus.AVAILABLE
                || s == RequestStatus.FAILED;
    }
}
