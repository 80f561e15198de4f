package app.medianest.model.dashboard;

import app.medianest.model.MediaRequestView;
import app.medianest.model.RequestCounts;
import app.medianest.model.UserView;

import java.util.List;

/**
 * Body of {@code GET /api/v1/dashboard/stats}.
 *
 * @param user          the caller
 * @param requests      the caller's newest requests and per-status counts
 * @param recentlyAdded up to 10 items recently added to Plex (empty when Plex is not configured or down)
 * @param services      how many home services are up, down or degraded
 */
public record DashboardStats(UserView user, Requests requests, List<?> recentlyAdded, ServiceSummary services) {
    public DashboardStats {
        recentlyAdded = List.copyOf(recentlyAdded);
    }

    /** The caller's 5 newest requests and their counts. */
    public record Requests(List<MediaRequestView> recent, RequestCounts counts) {
        public Requests {
            recent = List.copyOf(recent);
        }
    }
}
