/** The dashboard: live and rolled-up performance charts against the alert rules' thresholds, status tiles, alerts. */
package app.medianest.console.dashboard;
