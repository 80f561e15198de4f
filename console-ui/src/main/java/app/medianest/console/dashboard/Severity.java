package app.medianest.console.dashboard;

/** How a current value stands against its rule's thresholds. */
public enum Severity {
    /** No data, or no rule for this chart. */
    NONE,
    OK,
    WARNING,
    CRITICAL
}
