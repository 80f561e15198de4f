package app.medianest.fakes;

import java.time.Instant;

/** Overseerr's Media record for one title (status 1 UNKNOWN ... 5 AVAILABLE). */
record OverseerrMedia(int id, SampleTitle title, int status, int status4k, Instant createdAt, Instant updatedAt) {

    static final int UNKNOWN = 1;
    static final int PENDING = 2;
    static final int PROCESSING = 3;
    static final int PARTIALLY_AVAILABLE = 4;
    static final int AVAILABLE = 5;

    OverseerrMedia withStatus(boolean is4k, int value, Instant now) {
        return is4k ? new OverseerrMedia(id, title, status, value, createdAt, now)
                : new OverseerrMedia(id, title, value, status4k, createdAt, now);
    }

    int status(boolean is4k) {
        return is4k ? status4k : status;
    }

    static String statusName(int status) {
        return switch (status) {
            case PENDING -> "PENDING";
            case PROCESSING -> "PROCESSING";
            case PARTIALLY_AVAILABLE -> "PARTIALLY_AVAILABLE";
            case AVAILABLE -> "AVAILABLE";
            default -> "UNKNOWN";
        };
    }
}
