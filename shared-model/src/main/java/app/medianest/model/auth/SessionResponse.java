package app.medianest.model.auth;

import app.medianest.model.UserView;

import java.time.Instant;

/** Answer of a successful sign-in: the user, the opaque session token (shown once) and its expiry. */
public record SessionResponse(UserView user, String token, Instant expiresAt) {
    @Override
    public String toString() {
        return "SessionResponse[user=" + user + ", expiresAt=" + expiresAt + "]";
    }
}
