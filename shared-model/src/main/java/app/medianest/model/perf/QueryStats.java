package app.medianest.model.perf;

/**
 * One statement shape.
 *
 * @param statement the SQL text with placeholders only, whitespace collapsed, long texts shortened
 * @param count     executions since start
 * @param meanMs    mean duration
 * @param maxMs     slowest execution of the last minute or so
 * @param totalMs   total time spent in it
 */
public record QueryStats(String statement, long count, double meanMs, double maxMs, double totalMs) {
}
