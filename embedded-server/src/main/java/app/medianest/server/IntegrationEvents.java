package app.medianest.server;

import app.medianest.model.DownloadStatus;
import app.medianest.model.ServiceState;
import app.medianest.model.events.DownloadProgress;
import app.medianest.model.events.ServiceStatusChanged;
import app.medianest.server.db.Jdbc;
import app.medianest.server.events.EventPublisher;
import app.medianest.server.notifications.NotificationService;
import app.medianest.server.upstream.BreakerTransition;
import app.medianest.server.upstream.ServiceEvents;
import app.medianest.server.upstream.ServiceStatusChange;
import app.medianest.server.youtube.DownloadChange;
import app.medianest.server.youtube.DownloadEvents;

import java.time.Clock;
import java.util.Map;

/**
 * Connects the integrations to the rest of the server: service status changes and download progress become live
 * events; an upstream going down or up, and a circuit breaker opening or closing, become admin notifications
 * (the admin is told, rather than discovering it weeks later).
 */
final class IntegrationEvents implements ServiceEvents, DownloadEvents {
    private static final System.Logger LOG = System.getLogger(IntegrationEvents.class.getName());

    private final EventPublisher events;
    private final NotificationService notifications;
    private final Jdbc jdbc;
    private final Clock clock;

    IntegrationEvents(EventPublisher events, NotificationService notifications, Jdbc jdbc, Clock clock) {
        this.events = events;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void statusChanged(ServiceStatusChange c) {
        ServiceState previous = c.previous() == null ? ServiceState.UNKNOWN : c.previous().status();
        events.publish(new ServiceStatusChanged(c.current(), previous));
        if (c.previous() != null) {
            String name = c.current().displayName();
            notifyAdmins("service.status", name + " is " + c.current().status(), name + " changed from " + previous
                    + " to " + c.current().status() + (c.current().message() == null ? "" : ": "
                    + c.current().message()), Map.of("service", c.current().name(), "status",
                    c.current().status().wire()));
        }
    }

    @Override
    public void breakerTransition(BreakerTransition t) {
        LOG.log(t.opened() ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                "Circuit breaker {0}: {1} -> {2}", t.upstream(), t.from(), t.to());
        if (t.opened() || t.closed()) {
            notifyAdmins("breaker." + (t.opened() ? "opened" : "closed"), t.upstream() + (t.opened()
                    ? " is failing: calls are paused" : " recovered"), t.opened()
                    ? "The circuit breaker for " + t.upstream() + " opened; MediaNest answers from its last good data "
                    + "until a probe succeeds." : "The circuit breaker for " + t.upstream() + " closed again.",
                    Map.of("upstream", t.upstream(), "state", t.to()));
        }
    }

    @Override
    public void progress(app.medianest.server.youtube.DownloadProgress p) {
        events.publish(new DownloadProgress(p.downloadId(), p.userId(), DownloadStatus.DOWNLOADING,
                Math.max(0, Math.min(100, p.progress())), null, null));
    }

    @Override
    public void statusChanged(DownloadChange c) {
        var d = c.download();
        events.publish(new DownloadProgress(d.id(), c.userId(), d.status(), Math.max(0, Math.min(100, d.progress())),
                d.title(), d.error()));
        if (c.userId() != null && (d.status() == DownloadStatus.COMPLETED || d.status() == DownloadStatus.FAILED)) {
            boolean done = d.status() == DownloadStatus.COMPLETED;
            String what = d.title() == null || d.title().isBlank() ? d.url() : d.title();
            // Stored off the download worker's thread: the status itself is already committed, and other
            // listeners (live events) are not held up by a database write.
            Thread.ofVirtual().name("medianest-download-notice").start(() -> {
                try {
                    notifications.toUser(jdbc, c.userId(), done ? "download.completed" : "download.failed",
                            done ? "Download finished" : "Download failed", done ? what + " is downloaded"
                            : what + " could not be downloaded" + (d.error() == null ? "" : ": " + d.error()),
                            Map.of("downloadId", d.id().toString(), "status", d.status().wire()), clock.instant());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Could not store the download notification: {0}",
                            e.getMessage());
                }
            });
        }
    }

    /** Alerts raised and resolved, for the admins (in the app and on their chosen channels). */
    app.medianest.server.alerts.AlertListener alertNotifications() {
        return new app.medianest.server.alerts.AlertListener() {
            @Override
            public void raised(app.medianest.model.perf.AlertView a) {
                boolean credential = a.ruleId().startsWith("credential.");
                String title = credential ? a.message().split(":")[0] : "Alert: " + a.message();
                notifyAdmins(credential ? "credential.rejected" : "alert.raised", title, a.message(), Map.of(
                        "alertId", a.id().toString(), "ruleId", a.ruleId(), "severity", a.severity().wire()));
            }

            @Override
            public void resolved(app.medianest.model.perf.AlertView a) {
                boolean credential = a.ruleId().startsWith("credential.");
                String service = a.message().split(" rejected")[0];
                notifyAdmins(credential ? "credential.restored" : "alert.resolved", credential
                        ? service + " accepts the credential again" : "Resolved: " + a.message(), credential
                        ? service + " accepts MediaNest's credential again; the alert is resolved."
                        : "This alert resolved: " + a.message(),
                        Map.of("alertId", a.id().toString(), "ruleId", a.ruleId(), "severity", "info"));
            }
        };
    }

    private void notifyAdmins(String type, String title, String message, Map<String, Object> data) {
        try {
            notifications.toAdmins(jdbc, type, title, message, data, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not store the admin notification ''{0}'': {1}", title,
                    e.getMessage());
        }
    }
}
