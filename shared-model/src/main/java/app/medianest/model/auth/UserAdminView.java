package app.medianest.model.auth;

import app.medianest.model.Role;
import app.medianest.model.UserStatus;

import java.time.Instant;
import java.util.UUID;

/** A row of the admin user list, with the user's request count. */
public record UserAdminView(UUID id, String username, String email, Role role, UserStatus status,
                            boolean plexLinked, long requestCount, Instant createdAt, Instant lastLoginAt) {
}
