package app.medianest.server.http;

import app.medianest.model.Role;

import java.time.Instant;
import java.util.UUID;

/**
 * Who is calling: a signed-in user (session) or a tool (API key).
 *
 * @param userId    the user; for an API key the key's own service account (same id as the key)
 * @param username  display name (for keys: the key's name)
 * @param email     the user's email, may be null
 * @param role      the role the caller acts with
 * @param sessionId the session row id, null for API keys
 * @param tokenHash hash of the presented session token (never the token), null for API keys
 * @param expiresAt when the session ends, null for API keys
 * @param apiKeyId  the API key row id, null for sessions
 */
public record Principal(UUID userId, String username, String email, Role role, UUID sessionId, String tokenHash,
                        Instant expiresAt, UUID apiKeyId) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isApiKey() {
        return apiKeyId != null;
    }

    @Override
    public String toString() {
        return "Principal[userId=" + userId + ", role=" + role + (isApiKey() ? ", apiKey=" + apiKeyId : "") + "]";
    }
}
