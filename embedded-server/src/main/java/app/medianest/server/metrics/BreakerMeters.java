package app.medianest.server.metrics;

import app.medianest.model.perf.BreakerStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.function.Supplier;

/**
 * Breaker totals from the {@link BreakerStatsSource}, present from the start even without breakers:
 * {@code medianest.breakers} (how many) and {@code medianest.breakers.open} (how many refuse calls). The
 * per-breaker meters are resilience4j's own ({@code resilience4j.circuitbreaker.state}, {@code .failure.rate},
 * {@code .calls}, ..., tag {@code name}), bound in the composition root.
 */
final class BreakerMeters {
    BreakerMeters(MeterRegistry registry, Supplier<List<BreakerStats>> breakers) {
        Gauge.builder("medianest.breakers", () -> breakers.get().size()).description("Circuit breakers")
                .register(registry);
        Gauge.builder("medianest.breakers.open", () -> breakers.get().stream().filter(b -> b.state().refusesCalls())
                .count()).description("Circuit breakers refusing calls").register(registry);
    }
}
