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
     * Adds {@code delta} to the count {@code name} and {@code otherDelta} to {@code other}, locking the two rows in
     * name order (as every writer does, so that two writers never wait for each other in a circle).
     *
     * @throws IllegalStateException when a count does not exist (every count is created by a migration)
     */
    public static void add(Handle h, String name, long delta, String other, long otherDelta) {
        int stripe = ThreadLocalRandom.current().nextInt(STRIPES);
        if (name.compareTo(other) < 0) {
            add(h, name, delta, stripe);
            add(h, other, otherDelta, stripe);
        } else {
            add(h, other, otherDelta, stripe);
            add(h, name, delta, stripe);
        }
    }

    /** Adds {@code delta} to the count {@code name}. */
    public static void add(Handle h, String name, long delta) {
        add(h, name, delta, ThreadLocalRandom.current().nextInt(STRIPES));
    }

    private static void add(Handle h, String name, long delta, int stripe) {
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
