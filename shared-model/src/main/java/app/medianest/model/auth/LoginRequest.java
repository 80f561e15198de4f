package app.medianest.model.auth;

/** {@code POST /api/v1/auth/login}. */
public record LoginRequest(String username, String password, Boolean rememberMe) {
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + "]";
    }
}
