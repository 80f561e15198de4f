package app.medianest.model.perf;

import java.time.Instant;
import java.util.UUID;

/**
 * One alert, active or from the history.
 *
 * @param id             the alert (for acknowledging)
 * @param ruleId         the rule that raised it
 * @param metric         what it watched
 * @param severity       warning or critical
 * @param value          the metric's value when it was raised
 * @param threshold      the threshold it crossed
 * @param message        human readable, for example "p95_ms 612.0 ms above 500.0 ms for 30 s"
 * @param since          when it was raised
 * @param resolvedAt     when it resolved, null while active
 * @param acknowledgedAt when an admin acknowledged it, null if not
 */
public record AlertView(UUID id, String ruleId, AlertMetric metric, AlertSeverity severity, double value,
                        double threshold, String message, Instant since, Instant resolvedAt, Instant acknowledgedAt) {

    public boolean active() {
        return resolvedAt == null;
    }
}
