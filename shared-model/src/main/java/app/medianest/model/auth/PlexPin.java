package app.medianest.model.auth;

import java.time.Instant;

/**
 * A Plex sign-in in progress. {@code id} is MediaNest's own opaque handle (plex.tv's PIN ids are
 * sequential and must not be guessable here); {@code linkUrl} is where the user approves the sign-in.
 */
public record PlexPin(String id, String code, String linkUrl, Instant expiresAt) {
}
