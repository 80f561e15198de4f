package app.medianest.model.auth;

/** {@code PATCH /api/v1/admin/users/{id}}: either field may be null (unchanged). */
public record UpdateUserRequest(String role, String status) {
}
