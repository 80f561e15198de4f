package app.medianest.server.metrics;

import app.medianest.model.perf.BreakerStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.List;
import java.util.function.Supplier;

/**
 * Breaker meters from the {@link BreakerStatsSource}, present from the start even without breakers:
 * {@code medianest.breakers} (how many), {@code medianest.breakers.open} (how many refuse calls), and per
 * breaker {@code medianest.breaker.state} (tags {@code name}, {@code state}; 1 for the current state) and
 * {@code medianest.breaker.failure.rate} (percent), refreshed by the sampler.
 */
final class BreakerMeters {
    private final MultiGauge state;
    private final MultiGauge failureRate;

    BreakerMeters(MeterRegistry registry, Supplier<List<BreakerStats>> breakers) {
        Gauge.builder("medianest.breakers", () -> breakers.get().size()).description("Circuit breakers")
                .register(registry);
        Gauge.builder("medianest.breakers.open", () -> breakers.get().stream().filter(b -> b.state().refusesCalls())
                .count()).description("Circuit breakers refusing calls").register(registry);
        this.state = MultiGauge.builder("medianest.breaker.state").description("Circuit breaker state (1 = current)")
                .register(registry);
        this.failureRate = MultiGauge.builder("medianest.breaker.failure.rate").baseUnit("percent")
                .description("Circuit breaker failure rate over its window").register(registry);
    }

    void refresh(List<BreakerStats> breakers) {
        state.register(breakers.stream().map(b -> MultiGauge.Row.of(Tags.of("name", b.name(), "state",
                b.state().wire()), 1)).toList(), true);
        failureRate.register(breakers.stream().map(b -> MultiGauge.Row.of(Tags.of("name", b.name()),
                b.failureRate())).toList(), true);
    }
}
