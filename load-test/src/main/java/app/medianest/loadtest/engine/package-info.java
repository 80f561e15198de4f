/**
 * The load engine: closed-loop virtual users, one thread each, the ramp profile, latency recording with
 * HdrHistogram and coordinated-omission correction, per-second progress snapshots, and the run's result values.
 *
 * <p>Embedders use {@link app.medianest.loadtest.engine.LoadTestEngine} and a
 * {@link app.medianest.loadtest.engine.ProgressListener}; every value handed out is an immutable record.
 */
package app.medianest.loadtest.engine;
