package app.medianest.server.notifications.channels;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events a person can choose to receive outside MediaNest. The first six concern a user's own requests and
 * downloads; the others are for admins only.
 */
public enum NotificationEvent {
    REQUEST_APPROVED("request.approved", false, "A request of yours was approved"),
    REQUEST_DECLINED("request.declined", false, "A request of yours was declined"),
    REQUEST_AVAILABLE("request.available", false, "A request of yours is available on Plex"),
    REQUEST_FAILED("request.failed", false, "A request of yours failed"),
    DOWNLOAD_COMPLETED("download.completed", false, "A YouTube download of yours finished"),
    DOWNLOAD_FAILED("download.failed", false, "A YouTube download of yours failed"),
    REQUEST_PENDING("request.pending", true, "Someone made a request that waits for approval"),
    ALERT("alert", true, "A performance alert was raised or resolved"),
    UPSTREAM("upstream", true, "An upstream service was lost or came back"),
    CREDENTIAL("credential", true, "Plex, Overseerr or Uptime Kuma rejected MediaNest's token or key (and when "
            + "it works again)");

    private final String wire;
    private final boolean adminOnly;
    private final String description;

    NotificationEvent(String wire, boolean adminOnly, String description) {
        this.wire = wire;
        this.adminOnly = adminOnly;
        this.description = description;
    }

    public String wire() {
        return wire;
    }

    public boolean adminOnly() {
        return adminOnly;
    }

    public String description() {
        return description;
    }

    /** The events someone may choose: all for admins, the first six for users. */
    public static List<NotificationEvent> choosable(boolean admin) {
        return Arrays.stream(values()).filter(e -> admin || !e.adminOnly).toList();
    }

    public static Optional<NotificationEvent> parse(String wire) {
        return Arrays.stream(values()).filter(e -> e.wire.equals(wire)).findFirst();
    }

    /** The event an in-app notification type belongs to, if any can be chosen for it. */
    public static Optional<NotificationEvent> ofType(String type, Map<String, Object> data) {
        return switch (type) {
            case "request.approved" -> Optional.of(REQUEST_APPROVED);
            case "request.declined" -> Optional.of(REQUEST_DECLINED);
            case "request.available" -> Optional.of(REQUEST_AVAILABLE);
            case "request.failed" -> Optional.of(REQUEST_FAILED);
            case "request.created" -> Optional.of(REQUEST_PENDING);
            case "download.completed" -> Optional.of(DOWNLOAD_COMPLETED);
            case "download.failed" -> Optional.of(DOWNLOAD_FAILED);
            case "alert.raised", "alert.resolved" -> Optional.of(ALERT);
            case "service.status", "breaker.opened", "breaker.closed" -> Optional.of(UPSTREAM);
            case "credential.rejected", "credential.restored" -> Optional.of(CREDENTIAL);
            default -> Optional.empty();
        };
    }
}
