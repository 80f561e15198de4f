/**
 * Performance wire model shared by the server and the console: the metrics snapshot polled every second
 * ({@link app.medianest.model.perf.PerfSnapshot}), minute rollups for the history views, the performance
 * report, feature flags, and the alert rule and threshold model, so that the console draws exactly the
 * thresholds the server evaluates.
 */
package app.medianest.model.perf;
