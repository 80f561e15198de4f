package app.medianest.model.auth;

/** {@code POST /api/v1/admin/users}: a local account. */
public record CreateUserRequest(String username, String password, String email, String role) {
    @Override
    public String toString() {
        return "CreateUserRequest[username=" + username + ", role=" + role + "]";
    }
}
