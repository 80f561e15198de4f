/**
 * Performance reports and history views built from the minute rollups: on demand over HTTP, on a schedule
 * as JSON and HTML files in {@code <dataDir>/reports/}, and the 1 h / 6 h / 24 h history of the console.
 */
package app.medianest.server.reports;
