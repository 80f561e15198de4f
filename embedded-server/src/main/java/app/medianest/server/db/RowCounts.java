package app.medianest.server.db;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exact counts kept in the table {@code row_counts} (migration V61), so that "how many requests are pending" and
 * "how many people" cost the same on a million rows as on a thousand. Every change of a counted row adds to its
 * count in the same transaction (the caller's handle), so a count is exactly as committed as the rows: a rolled
 * back insert leaves no trace in either. A change goes to one of {@value #STRIPES} rows of the count, picked at
 * random, so that concurrent writers seldom wait for each other's row lock; a read sums the stripes.
 */
public final class RowCounts {
    /** Rows per count. */
    static final int STRIPES = 8;

    private RowCounts() {
    }

    /**
     * Adds {@code delta} to the count {@code name} and {@code otherDelta} to {@code other} in one statement (one
     * stripe, locked in key order, so two writers cannot lock the same two rows in opposite orders).
     *
     * @throws IllegalStateException when a count does not exist (every count is created by a migration)
     */
    public static void add(Handle h, String name, long delta, String other, long otherDelta) {
        int stripe = ThreadLocalRandom.current().nextInt(STRIPES);
        int n = h.update("UPDATE row_counts SET n = n + CASE WHEN name = ? THEN ? ELSE ? END "
                + "WHERE stripe = ? AND name IN (?, ?)", name, delta, otherDelta, stripe, name, other);
        if (n != 2) {
            throw new IllegalStateException("no row count '" + name + "' or '" + other + "'");
        }
    }

    /** Adds {@code delta} to the count {@code name}. */
    public static void add(Handle h, String name, long delta) {
        if (delta == 0) {
            return;
        }
        int stripe = ThreadLocalRandom.current().nextInt(STRIPES);
        if (h.update("UPDATE row_counts SET n = n + ? WHERE name = ? AND stripe = ?", delta, name, stripe) != 1) {
            throw new IllegalStateException("no row count '" + name + "'");
        }
    }

    /** Every count, by name (the sum of its stripes: a few dozen rows). */
    public static Map<String, Long> read(Handle h) {
        Map<String, Long> out = new HashMap<>();
        h.query("SELECT name, SUM(n) AS n FROM row_counts GROUP BY name", r -> Map.entry(r.string("name"),
                r.longValue("n"))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
