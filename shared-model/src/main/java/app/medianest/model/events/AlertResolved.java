package app.medianest.model.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code alert.resolved}: a raised alert recovered. Seen by admins only.
 *
 * @param alertId    the alert that was raised
 * @param ruleId     its rule
 * @param metric     the watched metric
 * @param resolvedAt when it recovered
 */
public record AlertResolved(UUID alertId, String ruleId, String metric, Instant resolvedAt) implements ServerEvent {
    public static final String TYPE = "alert.resolved";

    public AlertResolved {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
