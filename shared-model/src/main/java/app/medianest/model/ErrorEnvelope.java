package app.medianest.model;

/** {@code {"success": false, "error": {...}}}: the body of every error response. */
public record ErrorEnvelope(boolean success, ApiError error) {
    public ErrorEnvelope(ApiError error) {
        this(false, error);
    }
}
