package app.medianest.model.media;

import app.medianest.model.WireEnum;

/** Whether a title is in the library, as Overseerr's media status reports it. */
public enum Availability implements WireEnum {
    /** Overseerr knows nothing about it: requestable. */
    UNKNOWN("unknown"),
    /** Requested, awaiting approval. */
    PENDING("pending"),
    /** Approved, being downloaded. */
    PROCESSING("processing"),
    /** Some seasons are in the library. */
    PARTIALLY_AVAILABLE("partially_available"),
    /** In the library. */
    AVAILABLE("available");

    private final String wire;

    Availability(String wire) {
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

    /** Overseerr's media status code (1 unknown ... 5 available); anything else is unknown. */
    public static Availability ofOverseerrStatus(int status) {
        return switch (status) {
            case 2 -> PENDING;
            case 3 -> PROCESSING;
            case 4 -> PARTIALLY_AVAILABLE;
            case 5 -> AVAILABLE;
            default -> UNKNOWN;
        };
    }
}
