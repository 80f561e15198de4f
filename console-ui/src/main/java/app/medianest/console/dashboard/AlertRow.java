package app.medianest.console.dashboard;

import java.time.Instant;

/**
 * One alert as the dashboard lists it.
 *
 * @param id           the alert's id (for acknowledging)
 * @param ruleId       the rule that raised it
 * @param severity     {@code warning} or {@code critical}
 * @param message      what happened
 * @param since        when it was raised
 * @param resolvedAt   when it resolved, null while active
 * @param acknowledged whether an admin acknowledged it
 */
public record AlertRow(String id, String ruleId, String severity, String message, Instant since, Instant resolvedAt,
                       boolean acknowledged) {
}
