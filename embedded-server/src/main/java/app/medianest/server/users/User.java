package app.medianest.server.users;

import app.medianest.model.Role;
import app.medianest.model.UserStatus;
import app.medianest.model.UserView;

import java.time.Instant;
import java.util.UUID;

/** A user row. Holds the password hash, so it never leaves the server: clients get {@link #view()}. */
public record User(UUID id, String username, String email, Role role, UserStatus status, String passwordHash,
                   String plexId, String plexUsername, Instant createdAt, Instant updatedAt, Instant lastLoginAt) {

    public UserView view() {
        return new UserView(id, username, email, role);
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + ", role=" + role + ", status=" + status + "]";
    }
}
