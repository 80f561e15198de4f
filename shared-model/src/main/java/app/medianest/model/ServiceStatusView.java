package app.medianest.model;

import java.time.Instant;

/** Last observed health of one home service (Plex, Overseerr, ...), as shown on the dashboard. */
public record ServiceStatusView(
        String name,
        String displayName,
        ServiceState status,
        Integer responseTimeMs,
        Double uptime24h,
        Double uptime30d,
        Instant lastCheckAt,
        String message) {
}
