package app.medianest.model;

/** Lifecycle of a media request. Declined and failed requests are inactive: the media may be requested again. */
public enum RequestStatus implements WireEnum {
    PENDING("pending"),
    APPROVED("approved"),
    DECLINED("declined"),
    AVAILABLE("available"),
    FAILED("failed");

    private final String wire;

    RequestStatus(String wire) {
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

    /** True while the request blocks another request for the same media. */
    public boolean isActive() {
        return this != DECLINED && this != FAILED;
    }

    /** Parses a wire value; the exception message names the bad value. */
    public static RequestStatus parse(String value) {
        return WireEnum.parse(RequestStatus.class, value);
    }
}
