package app.medianest.fakes;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A Plex Media Server listed by the fake plex.tv under {@code /api/v2/resources}.
 *
 * @param name             server name
 * @param clientIdentifier the server's machine identifier
 * @param accessToken      the token to use against this server
 * @param owned            whether the signed-in account owns it
 * @param sourceTitle      the owner's name for shared servers, else {@code null}
 * @param connections      connection URIs, local ones first
 */
public record PlexServerResource(String name, String clientIdentifier, String accessToken, boolean owned,
                                 String sourceTitle, List<URI> connections) {

    /** Validates and copies. */
    public PlexServerResource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clientIdentifier, "clientIdentifier");
        connections = List.copyOf(connections);
    }

    /** An owned server pointing at a running fake Plex, using its primary token. */
    public static PlexServerResource ownedBy(FakePlex plex) {
        return new PlexServerResource(plex.friendlyName(), plex.machineIdentifier(), plex.token(), true, null,
                List.of(URI.create(plex.baseUrl())));
    }

    /** A server shared with the account by {@code ownerName}; {@code accessToken} must be one the fake accepts. */
    public static PlexServerResource sharedFrom(FakePlex plex, String ownerName, String accessToken) {
        return new PlexServerResource(plex.friendlyName() + " (shared)", plex.machineIdentifier(), accessToken,
                false, ownerName, List.of(URI.create(plex.baseUrl())));
    }
}
