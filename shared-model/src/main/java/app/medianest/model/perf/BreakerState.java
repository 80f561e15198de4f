package app.medianest.model.perf;

import app.medianest.model.WireEnum;

/**
 * A circuit breaker's state: resilience4j's states, plus {@link #NOT_CONFIGURED} for an upstream MediaNest has
 * no address for (its breaker never sees a call). The one breaker-state type from the server to the console.
 */
public enum BreakerState implements WireEnum {
    CLOSED("closed"),
    OPEN("open"),
    HALF_OPEN("half_open"),
    DISABLED("disabled"),
    FORCED_OPEN("forced_open"),
    METRICS_ONLY("metrics_only"),
    NOT_CONFIGURED("not_configured");

    private final String wire;

    BreakerState(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }

    /** True when calls are refused. */
    public boolean refusesCalls() {
        return this == OPEN || this == FORCED_OPEN;
    }

    public static BreakerState parse(String value) {
        return WireEnum.parse(BreakerState.class, value);
    }
}
