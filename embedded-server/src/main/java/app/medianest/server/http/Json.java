package app.medianest.server.http;

import app.medianest.json.ApiJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one JSON mapper of the server, with the API's settings from {@link ApiJson} (the console decodes with the
 * same): strict on input, so a wrong type is a validation error, not a silently changed value; enums as their
 * lower-case wire values; instants as ISO-8601 UTC.
 */
public final class Json {
    public static final ObjectMapper MAPPER = ApiJson.create();

    private Json() {
    }

    /** Serialises {@code value} to UTF-8 bytes. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
        }
    }
}
