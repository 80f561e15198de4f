package app.medianest.model.perf;

import app.medianest.model.WireEnum;

import java.util.function.Function;

/**
 * What an alert rule watches, read from a {@link PerfSnapshot} by {@link #read(PerfSnapshot)}: the server
 * evaluates rules with exactly this function, and the console can plot the same value against the rule's
 * thresholds. Request-based metrics read as {@code null} (no data: never breaching) while the window holds
 * fewer than {@link #MIN_SAMPLES} requests, and the cache hit rate while it holds fewer lookups, so one
 * failed request on an idle evening does not raise a 100 % error-rate alert.
 */
public enum AlertMetric implements WireEnum {
    P95_MS("p95_ms", "ms", "95th percentile response time over the last minute, all routes",
            s -> enough(s) ? s.overall().p95Ms() : null),
    P99_MS("p99_ms", "ms", "99th percentile response time over the last minute, all routes",
            s -> enough(s) ? s.overall().p99Ms() : null),
    ERROR_RATE("error_rate", "%", "share of 5xx answers over the last minute",
            s -> enough(s) ? s.overall().errorRate() : null),
    MEMORY_MB("memory_mb", "MB", "process memory: resident set size, or heap plus non-heap where unknown",
            s -> s.jvm().memoryMb()),
    HEAP_MB("heap_mb", "MB", "JVM heap in use", s -> s.jvm().heapUsedMb()),
    POOL_USAGE("pool_usage", "%", "database connections in use, of the pool's maximum",
            s -> s.db().usagePercent()),
    POOL_PENDING("pool_pending", "threads", "threads waiting for a database connection",
            s -> (double) s.db().pending()),
    CACHE_HIT_RATE("cache_hit_rate", "%", "share of cache lookups that were hits over the last minute",
            s -> s.caches().windowLookups() >= AlertMetric.MIN_SAMPLES ? s.caches().hitRate() : null),
    OPEN_BREAKERS("open_breakers", "breakers", "circuit breakers refusing calls",
            s -> (double) s.breakers().stream().filter(b -> b.state().refusesCalls()).count());

    /** Fewest requests (or cache lookups) in the window for a rate or percentile to count. */
    public static final int MIN_SAMPLES = 10;

    private final String wire;
    private final String unit;
    private final String description;
    private final Function<PerfSnapshot, Double> reader;

    AlertMetric(String wire, String unit, String description, Function<PerfSnapshot, Double> reader) {
        this.wire = wire;
        this.unit = unit;
        this.description = description;
        this.reader = reader;
    }

    private static boolean enough(PerfSnapshot s) {
        return s.overall().windowRequests() >= MIN_SAMPLES;
    }

    /** The metric's current value, or null when there is no (or too little) data. */
    public Double read(PerfSnapshot snapshot) {
        return reader.apply(snapshot);
    }

    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    @Override
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }

    public static AlertMetric parse(String value) {
        return WireEnum.parse(AlertMetric.class, value);
    }
}
