package app.medianest.model.auth;

/** {@code POST /api/v1/auth/password}. */
public record PasswordChange(String currentPassword, String newPassword) {
    @Override
    public String toString() {
        return "PasswordChange[***]";
    }
}
