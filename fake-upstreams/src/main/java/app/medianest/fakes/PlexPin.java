package app.medianest.fakes;

import java.time.Instant;

/** The state of one plex.tv PIN. */
record PlexPin(int id, String code, boolean strong, String clientIdentifier, String product, Instant createdAt,
               Instant expiresAt, String authToken) {

    PlexPin withAuthToken(String token) {
        return new PlexPin(id, code, strong, clientIdentifier, product, createdAt, expiresAt, token);
    }

    PlexPin expiringAt(Instant instant) {
        return new PlexPin(id, code, strong, clientIdentifier, product, createdAt, instant, authToken);
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
