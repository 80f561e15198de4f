package app.medianest.model;

import java.util.Map;

/**
 * {@code {"success": true, "data": ..., "meta": {...}}}: the body of every successful JSON response.
 *
 * @param <T> type of the payload
 */
public record Envelope<T>(boolean success, T data, Map<String, Object> meta) {
    /** A success envelope without meta. */
    public static <T> Envelope<T> of(T data) {
        return new Envelope<>(true, data, null);
    }

    /** A success envelope with meta (for example {@code nextCursor}). */
    public static <T> Envelope<T> of(T data, Map<String, Object> meta) {
        return new Envelope<>(true, data, meta);
    }
}
