package app.medianest.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.time.Clock;

/**
 * The process's one meter registry, created by {@code Components} and passed by constructor to whatever
 * records metrics (never a global registry). Binds the JVM meters (heap and non-heap, GC pauses, threads,
 * class loading, CPU, uptime) and {@code process.memory.rss} from {@code /proc/self/status} on Linux. Its
 * clock is the server's {@link Clock}, so percentile windows follow a test's fake clock too.
 *
 * <p>Other components register their meters on {@link #registry()}, named lower-case and dot-separated with
 * tags (for example resilience4j's {@code TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(r).bindTo(
 * metrics.registry())}).
 */
public final class Metrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics(Clock clock) {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(),
                new MicrometerClock(clock));
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        if (ProcessMemory.rssBytes() >= 0) {
            Gauge.builder("process.memory.rss", () -> Math.max(0, ProcessMemory.rssBytes()))
                    .description("Resident set size of the process (VmRSS)").baseUnit("bytes").register(registry);
        }
    }

    /** The registry every component records into. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition (format 0.0.4) of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    /**
     * Micrometer's clock: wall time (which rotates percentile and max windows) from the server's {@link Clock},
     * monotonic time (stopwatches) from {@link System#nanoTime()}.
     */
    private record MicrometerClock(Clock clock) implements io.micrometer.core.instrument.Clock {
        @Override
        public long wallTime() {
            return clock.millis();
        }

        @Override
        public long monotonicTime() {
            return System.nanoTime();
        }
    }
}
