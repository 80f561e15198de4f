package app.medianest.fakes;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Movie or TV series, spelled {@code movie} / {@code tv} on the wire as Overseerr does. */
public enum MediaType {
    /** A film. */
    @JsonProperty("movie")
    MOVIE("movie"),
    /** A series. */
    @JsonProperty("tv")
    TV("tv");

    private final String wireName;

    MediaType(String wireName) {
        this.wireName = wireName;
    }

    /** {@code movie} or {@code tv}. */
    public String wireName() {
        return wireName;
    }

    /** Parses {@code movie} or {@code tv}; anything else gives {@code null}. */
    public static MediaType fromWire(String text) {
        for (MediaType type : values()) {
            if (type.wireName.equals(text)) {
                return type;
            }
        }
        return null;
    }
}
