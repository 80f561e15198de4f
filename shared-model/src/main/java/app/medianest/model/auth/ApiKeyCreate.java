package app.medianest.model.auth;

/** {@code POST /api/v1/admin/api-keys}. */
public record ApiKeyCreate(String name, String role) {
}
