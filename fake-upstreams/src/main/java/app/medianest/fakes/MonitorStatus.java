package app.medianest.fakes;

/** Uptime Kuma heartbeat status with its wire code. */
public enum MonitorStatus {
    /** Code 0. */
    DOWN(0),
    /** Code 1. */
    UP(1),
    /** Code 2. */
    PENDING(2),
    /** Code 3. */
    MAINTENANCE(3);

    private final int code;

    MonitorStatus(int code) {
        this.code = code;
    }

    /** The number Uptime Kuma sends: 0 DOWN, 1 UP, 2 PENDING, 3 MAINTENANCE. */
    public int code() {
        return code;
    }
}
