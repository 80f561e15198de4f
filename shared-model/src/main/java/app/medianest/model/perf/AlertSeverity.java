package app.medianest.model.perf;

import app.medianest.model.WireEnum;

/** How bad an alert (or a slow query) is. */
public enum AlertSeverity implements WireEnum {
    WARNING("warning"),
    CRITICAL("critical");

    private final String wire;

    AlertSeverity(String wire) {
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

    public static AlertSeverity parse(String value) {
        return WireEnum.parse(AlertSeverity.class, value);
    }
}
