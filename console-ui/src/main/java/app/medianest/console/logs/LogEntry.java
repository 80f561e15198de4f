package app.medianest.console.logs;

import java.time.Instant;
import java.util.logging.Level;

/**
 * One captured log record, already formatted (so the UI never formats on the FX thread).
 *
 * @param seq     position in the capture (increasing)
 * @param at      when it was logged
 * @param level   its JUL level
 * @param logger  the logger's short name
 * @param message the formatted message, with the throwable's first line when there is one
 */
public record LogEntry(long seq, Instant at, Level level, String logger, String message) {
    /** {@code ERROR}, {@code WARN}, {@code INFO} or {@code DEBUG}, as the server's log files write them. */
    public String levelName() {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (v >= Level.WARNING.intValue()) {
            return "WARN";
        }
        return v >= Level.INFO.intValue() ? "INFO" : "DEBUG";
    }
}
