package app.medianest.model.perf;

import java.time.Instant;

/**
 * A statement that ran longer than the slow-query warning threshold.
 *
 * @param statement  its shape (placeholders only, never parameter values)
 * @param durationMs how long it ran
 * @param level      {@code warning} or {@code critical}
 * @param at         when it finished
 */
public record SlowQuery(String statement, double durationMs, AlertSeverity level, Instant at) {
}
