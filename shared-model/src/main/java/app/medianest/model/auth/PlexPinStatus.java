package app.medianest.model.auth;

import java.time.Instant;

/** {@code GET /api/v1/auth/plex/pin/{id}}. */
public record PlexPinStatus(String id, boolean authorized, Instant expiresAt) {
}
