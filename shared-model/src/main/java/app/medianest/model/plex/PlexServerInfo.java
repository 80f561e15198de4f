package app.medianest.model.plex;

/** {@code GET /api/v1/plex/server}: the configured Plex Media Server. */
public record PlexServerInfo(String name, String machineIdentifier, String version, String platform) {
}
