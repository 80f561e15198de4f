package app.medianest.fakes;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A plex.tv account the fake knows; its {@code authToken} is what {@code /api/v2/user} accepts.
 *
 * @param id        numeric plex.tv user id
 * @param uuid      hex user uuid
 * @param username  login name
 * @param email     e-mail address
 * @param authToken the user's plex.tv token
 */
public record PlexAccount(int id, String uuid, String username, String email, String authToken) {

    /** Validates. */
    public PlexAccount {
        Objects.requireNonNull(username, "username");
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("authToken must not be blank for " + username);
        }
    }

    /** An account with a stable id and uuid derived from the username and an {@code @example.com} address. */
    public static PlexAccount of(String username, String authToken) {
        UUID derived = UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8));
        int id = 10_000_000 + Math.floorMod(username.hashCode(), 90_000_000);
        String uuid = Long.toHexString(derived.getMostSignificantBits() & Long.MAX_VALUE);
        return new PlexAccount(id, uuid, username, username + "@example.com", authToken);
    }
}
