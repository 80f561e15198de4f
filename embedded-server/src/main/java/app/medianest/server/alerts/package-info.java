/**
 * The alert engine: evaluates the alert rules of {@code app.medianest.model.perf} against the performance
 * snapshot on a schedule, raises and resolves alerts on transitions only, persists them in
 * {@code alert_history}, tells {@link app.medianest.server.alerts.AlertListener}s, and serves the alert and
 * alert-rule routes.
 */
package app.medianest.server.alerts;
