package app.medianest.model.auth;

/** {@code POST /api/v1/auth/setup}: creates the first admin with the one-time setup token. */
public record SetupRequest(String username, String password, String setupToken, String email) {
    @Override
    public String toString() {
        return "SetupRequest[username=" + username + "]";
    }
}
