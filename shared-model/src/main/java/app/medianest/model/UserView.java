package app.medianest.model;

import java.util.UUID;

/** The public face of a user, as returned by sign-in and session routes. Never carries secrets. */
public record UserView(UUID id, String username, String email, Role role) {
}
