/**
 * MediaNest load test: a closed-loop HTTP load generator for the MediaNest API.
 *
 * <p>{@link app.medianest.loadtest.Main} is the command-line entry point. The engine
 * ({@link app.medianest.loadtest.engine.LoadTestEngine}) is a library that the desktop console embeds; it reports
 * one immutable {@link app.medianest.loadtest.engine.ProgressSnapshot} per second and returns a
 * {@link app.medianest.loadtest.engine.LoadTestResult}, which {@link app.medianest.loadtest.report} turns into
 * JSON and HTML reports with a verdict against the performance targets and a saved baseline.
 */
package app.medianest.loadtest;
