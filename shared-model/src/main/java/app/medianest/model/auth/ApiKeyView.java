package app.medianest.model.auth;

import app.medianest.model.Role;

import java.time.Instant;
import java.util.UUID;

/**
 * An API key as listed: identified by its prefix; the key itself only appears once, in {@code key} of the
 * creation answer (null everywhere else).
 */
public record ApiKeyView(UUID id, String name, String prefix, Role role, Instant createdAt, Instant lastUsedAt,
                         Instant revokedAt, String key) {
    @Override
    public String toString() {
        return "ApiKeyView[id=" + id + ", prefix=" + prefix + ", role=" + role + "]";
    }
}
