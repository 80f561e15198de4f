/**
 * Reports of a run: the JSON report ({@link app.medianest.loadtest.report.LoadTestReport},
 * {@link app.medianest.loadtest.report.ReportJson}), the self-contained HTML report with inline SVG charts, the
 * verdict against the performance targets, and the comparison with a saved baseline (by ratios when the run had
 * a reference phase).
 */
package app.medianest.loadtest.report;
