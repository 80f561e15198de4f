package app.medianest.model.events;

import app.medianest.model.WireEnum;

/** What happened to a media request in a {@link RequestUpdated} event. */
public enum RequestChange implements WireEnum {
    CREATED("created"),
    APPROVED("approved"),
    DECLINED("declined"),
    AVAILABLE("available"),
    FAILED("failed"),
    DELETED("deleted");

    private final String wire;

    RequestChange(String wire) {
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
    public static RequestChange parse(String value) {
        return WireEnum.parse(RequestChange.class, value);
    }
}
