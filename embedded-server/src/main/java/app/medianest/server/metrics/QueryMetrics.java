package app.medianest.server.metrics;

import app.medianest.model.perf.AlertSeverity;
import app.medianest.model.perf.QueryStats;
import app.medianest.model.perf.SlowQuery;
import app.medianest.server.db.QueryListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Times every SQL statement by its shape ({@code db.query}, tag {@code statement}) and detects slow ones:
 * over the warning threshold (1 s by default) they are logged as WARNING, over the critical one (5 s) as
 * ERROR, always with the statement's shape and never with parameter values, counted in
 * {@code db.query.slow} (tag {@code level}) and kept in a short list of recent slow statements. Installed
 * with {@code Jdbc.listener(...)}. The per-statement timers follow the {@code query-metrics} flag;
 * slow-query detection is always on.
 */
public final class QueryMetrics implements QueryListener {
    private static final System.Logger LOG = System.getLogger(QueryMetrics.class.getName());
    /** Beyond this many shapes, further ones share the timer {@code other} (bounded cardinality). */
    static final int MAX_SHAPES = 500;
    private static final int RECENT_SLOW = 100;

    private final MeterRegistry registry;
    private final Clock clock;
    private final long warnNanos;
    private final long criticalNanos;
    private final BooleanSupplier enabled;
    private final Map<String, Timer> bySql = new ConcurrentHashMap<>();
    private final Map<String, Timer> byShape = new ConcurrentHashMap<>();
    private final Counter slowWarnings;
    private final Counter slowCritical;
    private final Deque<SlowQuery> recentSlow = new ArrayDeque<>();

    public QueryMetrics(MeterRegistry registry, Clock clock, Duration warning, Duration critical,
                        BooleanSupplier enabled) {
        this.registry = registry;
        this.clock = clock;
        this.warnNanos = warning.toNanos();
        this.criticalNanos = critical.toNanos();
        this.enabled = enabled;
        this.slowWarnings = slowCounter("warning");
        this.slowCritical = slowCounter("critical");
    }

    private Counter slowCounter(String level) {
        return Counter.builder("db.query.slow").description("Statements over the slow-query threshold")
                .tag("level", level).register(registry);
    }

    @Override
    public void executed(String sql, long nanos) {
        if (enabled.getAsBoolean()) {
            Timer t = bySql.get(sql);
            if (t == null) {
                t = timerFor(sql);
            }
            t.record(nanos, TimeUnit.NANOSECONDS);
        }
        if (nanos >= warnNanos) {
            slow(sql, nanos);
        }
    }

    private Timer timerFor(String sql) {
        String shape = byShape.size() >= MAX_SHAPES ? "other" : SqlShape.of(sql);
        Timer t = byShape.computeIfAbsent(shape, s -> Timer.builder("db.query")
                .description("SQL statements by shape").tag("statement", s)
                .distributionStatisticExpiry(RouteMetrics.WINDOW).distributionStatisticBufferLength(3)
                .register(registry));
        if (bySql.size() < MAX_SHAPES * 2) {
            bySql.put(sql, t);
        }
        return t;
    }

    private void slow(String sql, long nanos) {
        boolean critical = nanos >= criticalNanos;
        String shape = SqlShape.of(sql);
        double ms = nanos / 1e6;
        (critical ? slowCritical : slowWarnings).increment();
        SlowQuery q = new SlowQuery(shape, ms, critical ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
                clock.instant());
        synchronized (recentSlow) {
            recentSlow.addFirst(q);
            if (recentSlow.size() > RECENT_SLOW) {
                recentSlow.removeLast();
            }
        }
        LOG.log(critical ? System.Logger.Level.ERROR : System.Logger.Level.WARNING,
                "Slow query ({0,number,#} ms, {1} threshold {2,number,#} ms): {3}", Math.round(ms),
                critical ? "critical" : "warning", (critical ? criticalNanos : warnNanos) / 1_000_000, shape);
    }

    /** Slow statements, newest first (at most 100 are kept). */
    public List<SlowQuery> recentSlow() {
        synchronized (recentSlow) {
            return List.copyOf(recentSlow);
        }
    }

    public long slowWarnings() {
        return (long) slowWarnings.count();
    }

    public long slowCritical() {
        return (long) slowCritical.count();
    }

    /** Statement counts and time since start, the {@code top} shapes by total time. */
    public Summary summary(int top) {
        long count = 0;
        double totalMs = 0;
        List<QueryStats> all = new ArrayList<>();
        for (Map.Entry<String, Timer> e : byShape.entrySet()) {
            Timer t = e.getValue();
            long n = t.count();
            double total = t.totalTime(TimeUnit.MILLISECONDS);
            count += n;
            totalMs += total;
            all.add(new QueryStats(e.getKey(), n, n == 0 ? 0 : total / n, t.max(TimeUnit.MILLISECONDS), total));
        }
        all.sort(Comparator.comparingDouble(QueryStats::totalMs).reversed());
        return new Summary(count, count == 0 ? 0 : totalMs / count, all.subList(0, Math.min(top, all.size())));
    }

    /** Totals since start and the busiest statements. */
    public record Summary(long queries, double meanMs, List<QueryStats> top) {
        public Summary {
            top = List.copyOf(top);
        }
    }
}
