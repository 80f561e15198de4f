package app.medianest.model.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code alert.raised}: an alert rule fired. Seen by admins only.
 *
 * @param alertId   the alert (its row in the alert history)
 * @param ruleId    the rule that fired
 * @param metric    the watched metric, e.g. {@code http.p95}
 * @param severity  {@code warning} or {@code critical}
 * @param observed  the value that crossed the threshold
 * @param threshold the threshold
 * @param message   one sentence for the admin
 * @param raisedAt  when it fired
 */
public record AlertRaised(UUID alertId, String ruleId, String metric, String severity, double observed,
                          double threshold, String message, Instant raisedAt) implements ServerEvent {
    public static final String TYPE = "alert.raised";

    public AlertRaised {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
