package app.medianest.server.dashboard;

import app.medianest.model.events.RequestUpdated;
import app.medianest.model.events.ServerEvent;
import app.medianest.model.events.ServiceStatusChanged;
import app.medianest.server.cache.DataCache;
import app.medianest.server.cache.ResponseCache;
import app.medianest.server.events.EventPublisher;

import java.util.List;
import java.util.UUID;

/**
 * Keeps the per-user response caches (dashboard stats, my requests and counts) true: every committed change is
 * published as an event before its response is sent, and this publisher drops the affected entries first, so a
 * read after a write never sees the old value. A request change invalidates its owner's entries; a service
 * status change invalidates every dashboard.
 */
public final class DashboardCaches implements EventPublisher {
    private final EventPublisher next;
    private final List<ResponseCache> perUser;
    private final ResponseCache dashboards;
    private final List<DataCache<?>> everyChange;

    public DashboardCaches(EventPublisher next, ResponseCache dashboards, List<ResponseCache> perUser) {
        this(next, dashboards, perUser, List.of());
    }

    /**
     * @param everyChange caches of answers that may show anyone's requests (the admin request pages of the API and
     *                    the portal): emptied by every request change and every user change
     */
    public DashboardCaches(EventPublisher next, ResponseCache dashboards, List<ResponseCache> perUser,
                           List<DataCache<?>> everyChange) {
        this.next = next;
        this.dashboards = dashboards;
        this.perUser = List.copyOf(perUser);
        this.everyChange = List.copyOf(everyChange);
    }

    @Override
    public void publishAll(List<? extends ServerEvent> events) {
        for (ServerEvent e : events) {
            switch (e) {
                case RequestUpdated r -> {
                    invalidate(r.request().userId());
                    everyChange.forEach(DataCache::invalidateAll);
                }
                case ServiceStatusChanged s -> dashboards.invalidateAll();
                default -> {
                }
            }
        }
        next.publishAll(events);
    }

    /** A user's cached answers are dropped (their requests or their account changed). */
    public void invalidate(UUID user) {
        if (user != null) {
            perUser.forEach(c -> c.invalidateUser(user));
        }
        everyChange.forEach(DataCache::invalidateAll);
    }
}
