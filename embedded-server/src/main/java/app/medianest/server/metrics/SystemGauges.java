package app.medianest.server.metrics;

import app.medianest.model.perf.DbStats;
import app.medianest.model.perf.JvmStats;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.concurrent.TimeUnit;

/** Reads the JVM, process and connection-pool figures of the snapshot, from the MX beans and the registry. */
final class SystemGauges {
    private static final double MB = 1024.0 * 1024.0;

    private final MeterRegistry registry;
    private final HikariDataSource pool;
    private final QueryMetrics queries;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    SystemGauges(MeterRegistry registry, HikariDataSource pool, QueryMetrics queries) {
        this.registry = registry;
        this.pool = pool;
        this.queries = queries;
    }

    JvmStats jvm() {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
        long rss = ProcessMemory.rssBytes();
        Double rssMb = rss < 0 ? null : rss / MB;
        double heapUsed = heap.getUsed() / MB;
        double nonHeapUsed = nonHeap.getUsed() / MB;
        long pauses = 0;
        double pauseMs = 0;
        double pauseMax = 0;
        for (Timer t : registry.find("jvm.gc.pause").timers()) {
            pauses += t.count();
            pauseMs += t.totalTime(TimeUnit.MILLISECONDS);
            pauseMax = Math.max(pauseMax, t.max(TimeUnit.MILLISECONDS));
        }
        return new JvmStats(heapUsed, heap.getCommitted() / MB, heap.getMax() < 0 ? -1 : heap.getMax() / MB,
                nonHeapUsed, rssMb, rssMb != null ? rssMb : heapUsed + nonHeapUsed, pauses, pauseMs, pauseMax,
                ManagementFactory.getThreadMXBean().getThreadCount(), cpuPercent());
    }

    private Double cpuPercent() {
        var g = registry.find("process.cpu.usage").gauge();
        if (g == null || !Double.isFinite(g.value()) || g.value() < 0) {
            return null;
        }
        return g.value() * 100;
    }

    DbStats db(int topStatements) {
        int active = 0;
        int idle = 0;
        int pending = 0;
        HikariPoolMXBean bean = pool.isClosed() ? null : pool.getHikariPoolMXBean();
        if (bean != null) {
            active = bean.getActiveConnections();
            idle = bean.getIdleConnections();
            pending = bean.getThreadsAwaitingConnection();
        }
        int max = pool.getMaximumPoolSize();
        Timer acquire = registry.find("hikaricp.connections.acquire").timer();
        double acquireMean = acquire == null ? 0 : acquire.mean(TimeUnit.MILLISECONDS);
        double acquireMax = acquire == null ? 0 : acquire.max(TimeUnit.MILLISECONDS);
        QueryMetrics.Summary q = queries.summary(topStatements);
        return new DbStats(active, idle, pending, max, max == 0 ? 0 : 100.0 * active / max, acquireMean,
                acquireMax, q.queries(), q.meanMs(), queries.slowWarnings(), queries.slowCritical(), q.top(),
                queries.recentSlow().stream().limit(10).toList());
    }
}
