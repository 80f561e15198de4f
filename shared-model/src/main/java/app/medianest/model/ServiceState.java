package app.medianest.model;

/** Health of a home service as last observed. */
public enum ServiceState implements WireEnum {
    UP("up"),
    DOWN("down"),
    DEGRADED("degraded"),
    UNKNOWN("unknown");

    private final String wire;

    ServiceState(String wire) {
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

    /** Parses a wire value; the exception message names the bad value. */
    public static ServiceState parse(String value) {
        return WireEnum.parse(ServiceState.class, value);
    }
}
