package app.medianest.model;

/** The kind of media a request is for. */
public enum MediaType implements WireEnum {
    MOVIE("movie"),
    TV("tv");

    private final String wire;

    MediaType(String wire) {
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
    public static MediaType parse(String value) {
        return WireEnum.parse(MediaType.class, value);
    }
}
