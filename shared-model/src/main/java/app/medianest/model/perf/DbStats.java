package app.medianest.model.perf;

import java.util.List;

/**
 * The connection pool and the SQL statements.
 *
 * @param active          connections in use
 * @param idle            idle connections
 * @param pending         threads waiting for a connection
 * @param max             pool size limit
 * @param usagePercent    active / max, in percent
 * @param acquireMeanMs   mean time to get a connection since start
 * @param acquireMaxMs    longest wait for a connection of the last minute or so
 * @param queries         statements executed since start
 * @param queryMeanMs     mean statement time since start
 * @param slowWarnings    statements slower than the warning threshold since start
 * @param slowCritical    statements slower than the critical threshold since start
 * @param statements      the statements with the most total time, by shape (SQL text with {@code ?} only)
 * @param recentSlow      the latest slow statements, newest first
 */
public record DbStats(int active, int idle, int pending, int max, double usagePercent, double acquireMeanMs,
                      double acquireMaxMs, long queries, double queryMeanMs, long slowWarnings, long slowCritical,
                      List<QueryStats> statements, List<SlowQuery> recentSlow) {
    public DbStats {
        statements = List.copyOf(statements);
        recentSlow = List.copyOf(recentSlow);
    }
}
