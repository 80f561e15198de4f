package app.medianest.server.users;

import app.medianest.model.Role;
import app.medianest.model.UserStatus;

import java.time.Instant;
import java.util.UUID;

/** A row of the admin user list: the user and their request count, both from one query. */
public record UserSummary(UUID id, String username, String email, Role role, UserStatus status, boolean plexLinked,
                          long requestCount, Instant createdAt, Instant lastLoginAt) {
}
