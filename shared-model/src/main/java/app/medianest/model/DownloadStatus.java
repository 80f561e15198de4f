package app.medianest.model;

/** Lifecycle of a YouTube download. */
public enum DownloadStatus implements WireEnum {
    QUEUED("queued"),
    DOWNLOADING("downloading"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String wire;

    DownloadStatus(String wire) {
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
    public static DownloadStatus parse(String value) {
        return WireEnum.parse(DownloadStatus.class, value);
    }
}
