package app.medianest.model.auth;

/** {@code POST /api/v1/auth/plex/verify}. */
public record PlexVerify(String pinId, Boolean rememberMe) {
}
