package app.medianest.server.dashboard;

import app.medianest.model.MediaRequestView;
import app.medianest.model.RequestCounts;
import app.medianest.model.ServiceState;
import app.medianest.model.ServiceStatusView;
import app.medianest.model.UserView;
import app.medianest.model.dashboard.DashboardStats;
import app.medianest.model.dashboard.ServiceSummary;
import app.medianest.server.http.Principal;
import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;
import app.medianest.server.requests.RequestFilter;
import app.medianest.server.requests.RequestService;
import app.medianest.server.status.ServiceStatusRepository;

import java.util.List;

/**
 * {@code /api/v1/dashboard/stats}, {@code /status} and {@code /status/{service}}. Stats cost three indexed
 * queries (my 5 newest requests, my counts, the service table) plus the recently-added cache; all answers
 * carry an ETag.
 */
public final class DashboardHttp {
    /** Requests shown on the dashboard. */
    static final int RECENT_REQUESTS = 5;
    /** Recently added items shown on the dashboard. */
    static final int RECENTLY_ADDED = 10;
    private static final System.Logger LOG = System.getLogger(DashboardHttp.class.getName());

    private final RequestService requests;
    private final ServiceStatusRepository statuses;
    private final RecentlyAddedSource recentlyAdded;

    private final app.medianest.server.cache.ResponseCache responses;

    /**
     * @param responses per-user cache of the serialized stats (invalidated by {@link DashboardCaches} on every
     *                  change of the user's requests or of a service status)
     */
    public DashboardHttp(RequestService requests, ServiceStatusRepository statuses, RecentlyAddedSource recentlyAdded,
                         app.medianest.server.cache.ResponseCache responses) {
        this.responses = responses;
        this.requests = requests;
        this.statuses = statuses;
        this.recentlyAdded = recentlyAdded;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/dashboard/stats", Access.USER, this::stats)
                .get("/api/v1/dashboard/status", Access.USER, ex -> ex.okCacheable(statuses.findAll()))
                .get("/api/v1/dashboard/status/{service}", Access.USER, this::oneStatus);
    }

    private void stats(Exchange ex) {
        Principal p = ex.principal();
        responses.sendForUser(ex, p.userId(), "dashboard.stats", () -> statsOf(p));
    }

    private DashboardStats statsOf(Principal p) {
        List<MediaRequestView> recent = List.of();
        RequestCounts counts = RequestCounts.EMPTY;
        if (p.userId() != null) {
            recent = requests.list(RequestFilter.NONE.withUser(p.userId()), "createdAt", true, null,
                    RECENT_REQUESTS).items();
            counts = requests.counts(p.userId());
        }
        return new DashboardStats(new UserView(p.userId(), p.username(), p.email(), p.role()),
                new DashboardStats.Requests(recent, counts), recentlyAdded(), summary(statuses.findAll()));
    }

    private List<?> recentlyAdded() {
        try {
            List<?> items = recentlyAdded.recentlyAdded(RECENTLY_ADDED);
            return items == null ? List.of() : items.stream().limit(RECENTLY_ADDED).toList();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Recently added items are unavailable: {0}", e.getMessage());
            return List.of();
        }
    }

    static ServiceSummary summary(List<ServiceStatusView> all) {
        long up = all.stream().filter(s -> s.status() == ServiceState.UP).count();
        long down = all.stream().filter(s -> s.status() == ServiceState.DOWN).count();
        long degraded = all.stream().filter(s -> s.status() == ServiceState.DEGRADED).count();
        return new ServiceSummary(up, down, degraded);
    }

    private void oneStatus(Exchange ex) {
        String name = ex.pathParam("service");
        // Names are short identifiers (plex, overseerr, ...); anything else cannot exist.
        boolean plausible = name.length() <= 64 && name.chars().allMatch(c -> c >= 0x20);
        ex.okCacheable((plausible ? statuses.find(name) : java.util.Optional.<ServiceStatusView>empty())
                .orElseThrow(() -> ApiException.notFound("SERVICE_NOT_FOUND", "No such service")));
    }
}
