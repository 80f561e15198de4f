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

    public NotificationService(NotificationRepository notifications, UserRepository users) {
        this.notifications = notifications;
        this.users = users;
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
        notifications.insertAll(h, rows);
    }

    /** One notification for every active admin (service outages, breakers, alerts). */
    public void toAdmins(app.medianest.server.db.Jdbc jdbc, String type, String title, String message,
                         java.util.Map<String, Object> data, Instant now) {
        jdbc.inTransaction(h -> {
            List<NewNotification> rows = new ArrayList<>();
            for (UUID admin : users.activeAdminIds(h)) {
                rows.add(new NewNotification(admin, type, title, message, data, now));
            }
            return notifications.insertAll(h, rows);
        });
    }

    /** Tells the requester that their request reached {@code r.status()}. Other states notify nobody. */
    public void statusChanged(Handle h, MediaRequestView r, Instant now) {
        if (r.userId() == null) {
            return;
        }
        NewNotification n = switch (r.status()) {
            case APPROVED -> of(r, "Request approved", r.title() + " was approved and is on its way", now);
            case DECLINED -> of(r, "Request declined", r.title() + " was declined"
                    + (r.declineReason() == null || r.declineReason().isBlank() ? "" : ": " + r.declineReason()), now);
            case AVAILABLE -> of(r, "Now available", r.title() + " is now available on Plex", now);
            case FAILED -> of(r, "Request failed", r.title() + " could not be downloaded", now);
            case PENDING -> null;
        };
        if (n != null) {
            notifications.insertAll(h, List.of(n));
        }
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
