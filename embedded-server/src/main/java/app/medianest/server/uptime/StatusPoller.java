package app.medianest.server.uptime;

import app.medianest.model.ServiceStatusView;
import app.medianest.server.status.ServiceStatusRepository;
import app.medianest.server.upstream.ServiceEvents;
import app.medianest.server.upstream.ServiceStatusChange;
import app.medianest.server.upstream.UpstreamException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Polls Uptime Kuma and writes every monitor's status in one bulk upsert ({@code service_status}, named by the
 * monitor's name in lower case with dashes; uptimes as percentages). A status that differs from the stored one is
 * reported to {@link ServiceEvents}. When Uptime Kuma cannot be read, stored statuses are left as they are.
 */
public final class StatusPoller {
    private static final System.Logger LOG = System.getLogger(StatusPoller.class.getName());

    private final UptimeKumaClient kuma;
    private final ServiceStatusRepository statuses;
    private final ServiceEvents events;
    private final Clock clock;

    public StatusPoller(UptimeKumaClient kuma, ServiceStatusRepository statuses, ServiceEvents events, Clock clock) {
        this.kuma = kuma;
        this.statuses = statuses;
        this.events = events;
        this.clock = clock;
    }

    /** Reads and stores once; returns the statuses written (none when Uptime Kuma is unconfigured or failing). */
    public synchronized List<ServiceStatusView> pollOnce() {
        if (!kuma.configured()) {
            return List.of();
        }
        List<MonitorReading> readings;
        try {
            readings = kuma.read();
        } catch (UpstreamException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not read service statuses from Uptime Kuma: {0}",
                    e.getMessage());
            return List.of();
        }
        Instant now = clock.instant();
        List<ServiceStatusView> next = new ArrayList<>();
        for (MonitorReading r : readings) {
            String display = r.name().length() > 128 ? r.name().substring(0, 128) : r.name();
            next.add(new ServiceStatusView(key(r.name()), display, r.state(), r.responseTimeMs(),
                    percent(r.uptime24h()), percent(r.uptime30d()), now, r.message()));
        }
        Map<String, ServiceStatusView> before = statuses.findAll().stream()
                .collect(Collectors.toMap(ServiceStatusView::name, Function.identity(), (a, b) -> a));
        statuses.upsertAll(next);
        for (ServiceStatusView s : next) {
            ServiceStatusView old = before.get(s.name());
            if (old != null && old.status() != s.status()) {
                LOG.log(System.Logger.Level.INFO, "Service {0}: {1} -> {2}", s.displayName(), old.status(),
                        s.status());
                notify(new ServiceStatusChange(old, s));
            }
        }
        return next;
    }

    private void notify(ServiceStatusChange change) {
        try {
            events.statusChanged(change);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "A service status listener failed", e);
        }
    }

    /** Uptime Kuma's 0..1 ratio as the percentage the dashboard shows (99.86), two decimals. */
    static Double percent(Double ratio) {
        return ratio == null ? null : Math.round(ratio * 10_000) / 100.0;
    }

    /** {@code "Plex Media Server"} -> {@code plex-media-server}; at most 64 characters. */
    static String key(String monitorName) {
        String k = monitorName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (k.isEmpty()) {
            k = "monitor";
        }
        return k.length() > 64 ? k.substring(0, 64) : k;
    }
}
