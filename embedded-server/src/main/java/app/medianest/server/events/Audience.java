package app.medianest.server.events;

import app.medianest.model.events.AlertRaised;
import app.medianest.model.events.AlertResolved;
import app.medianest.model.events.DownloadProgress;
import app.medianest.model.events.RequestUpdated;
import app.medianest.model.events.ServerEvent;
import app.medianest.model.events.ServiceStatusChanged;
import app.medianest.server.http.Principal;

import java.util.UUID;

/** Who may see which event: owners and admins for requests and downloads, everyone for service status, admins for alerts. */
final class Audience {
    private Audience() {
    }

    static boolean canSee(Principal p, ServerEvent event) {
        return switch (event) {
            case RequestUpdated r -> p.isAdmin() || owns(p, r.request().userId());
            case DownloadProgress d -> p.isAdmin() || owns(p, d.userId());
            case ServiceStatusChanged s -> true;
            case AlertRaised a -> p.isAdmin();
            case AlertResolved a -> p.isAdmin();
        };
    }

    private static boolean owns(Principal p, UUID owner) {
        return owner != null && owner.equals(p.userId());
    }
}
