package app.medianest.console.services;

import java.util.List;
import java.util.Map;

/**
 * One integration as the Services view lists it (secrets are never returned by the server).
 *
 * @param name         {@code plex}, {@code overseerr}, {@code uptime-kuma} or {@code youtube}
 * @param displayName  human name
 * @param url          base URL, empty for youtube
 * @param enabled      whether MediaNest uses it
 * @param hasApiKey    whether a token / API key is stored
 * @param settings     non-secret settings
 * @param overriddenBy environment variables or config keys overriding stored values
 */
public record ServiceRow(String name, String displayName, String url, boolean enabled, boolean hasApiKey,
                         Map<String, String> settings, List<String> overriddenBy) {
}
