package app.medianest.server.metrics;

import app.medianest.server.db.Jdbc;

import java.time.Instant;
import java.util.List;

/** {@code perf_rollups}: one row per minute, the rollup as a JSON payload. */
public final class RollupRepository {
    private final Jdbc jdbc;

    public RollupRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores (or replaces) the rollup of the minute starting at {@code minute}. */
    public void save(Instant minute, String payload) {
        jdbc.update(jdbc.dialect().upsert("perf_rollups", "minute_at", "minute_at", "payload"), minute, payload);
    }

    /** Payloads of the minutes in {@code [from, to)}, oldest first. */
    public List<String> between(Instant from, Instant to) {
        return jdbc.query("SELECT payload FROM perf_rollups WHERE minute_at >= ? AND minute_at < ? ORDER BY minute_at",
                r -> r.string("payload"), from, to);
    }

    /** Deletes the minutes before {@code cutoff}; returns how many. */
    public int deleteBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM perf_rollups WHERE minute_at < ?", cutoff);
    }
}
