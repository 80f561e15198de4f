package app.medianest.server.notifications;

import app.medianest.model.dashboard.NotificationView;
import app.medianest.server.http.Principal;
import app.medianest.server.db.Page;
import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.ListParams;
import app.medianest.server.http.RouteTable;
import app.medianest.server.http.Validator;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/** {@code /api/v1/dashboard/notifications}: my notifications (newest first, cursor paged) and mark-read. */
public final class NotificationsHttp {
    private final NotificationRepository notifications;
    private final Clock clock;

    public NotificationsHttp(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/dashboard/notifications", Access.USER, this::list)
                .post("/api/v1/dashboard/notifications/{id}/read", Access.USER, this::markRead);
    }

    private void list(Exchange ex) {
        Validator v = new Validator();
        ex.rejectRepeated(v, "limit", "cursor", "sort", "order");
        ListParams p = ListParams.parse(ex, v, Set.of("createdAt"), "createdAt");
        if (!p.desc()) {
            v.fail("order", "notifications are listed newest first (desc) only");
        }
        v.check();
        UUID me = ownUser(ex.principal());
        Page<NotificationView> page = p.run(() -> notifications.list(me, p.cursor(), p.limit()));
        ex.okCacheable(page.items(), Exchange.meta("nextCursor", page.nextCursor(), "limit", p.limit(),
                "unreadCount", notifications.unreadCount(me)));
    }

    private void markRead(Exchange ex) {
        UUID id = ex.pathId("id", "Notification");
        UUID me = ownUser(ex.principal());
        ex.ok(notifications.markRead(me, id, clock.instant())
                .orElseThrow(() -> ApiException.notFound("NOTIFICATION_NOT_FOUND", "No such notification")));
    }

    /** Notifications belong to users; an API key whose creator was deleted has none. */
    static UUID ownUser(Principal p) {
        if (p.userId() == null) {
            throw ApiException.forbidden("This API key is not tied to a user");
        }
        return p.userId();
    }
}
