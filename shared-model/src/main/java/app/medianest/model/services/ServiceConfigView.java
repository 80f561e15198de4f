package app.medianest.model.services;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One integration's effective configuration as admins see it. The API key itself is never returned.
 *
 * @param name         {@code plex}, {@code overseerr}, {@code uptime-kuma} or {@code youtube}
 * @param displayName  human name
 * @param url          base URL (none for youtube, which runs a local program)
 * @param enabled      whether MediaNest uses the service
 * @param hasApiKey    whether a token / API key is set
 * @param settings     non-secret settings (e.g. {@code slug}, {@code ytdlpPath})
 * @param overriddenBy environment variables (or config-file keys) that currently override stored values
 * @param updatedAt    last change through the API, or {@code null}
 */
public record ServiceConfigView(String name, String displayName, String url, boolean enabled, boolean hasApiKey,
                                Map<String, String> settings, List<String> overriddenBy, Instant updatedAt) {
    /** Copies the collections. */
    public ServiceConfigView {
        settings = Map.copyOf(settings);
        overriddenBy = List.copyOf(overriddenBy);
    }
}
