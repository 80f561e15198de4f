package app.medianest.model.auth;

import app.medianest.model.UserView;

import java.time.Instant;

/** {@code GET /api/v1/auth/session}: who the token belongs to and when it expires (null for API keys). */
public record SessionInfo(UserView user, Instant expiresAt) {
}
