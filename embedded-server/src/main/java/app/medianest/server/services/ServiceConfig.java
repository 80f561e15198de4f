package app.medianest.server.services;

import app.medianest.model.services.ServiceConfigView;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective configuration of one integration: stored values with setting overrides applied. Holds the
 * decrypted API key for the clients; {@link #toString()} and {@link #view()} never show it.
 *
 * @param name         which service
 * @param url          base URL without a trailing slash, or {@code null}
 * @param enabled      whether MediaNest uses it
 * @param apiKey       token / API key, or {@code null}
 * @param settings     non-secret settings
 * @param overriddenBy settings (environment variables) currently overriding stored values
 * @param updatedAt    last change through the API, or {@code null}
 */
public record ServiceConfig(ServiceName name, String url, boolean enabled, String apiKey, Map<String, String> settings,
                            List<String> overriddenBy, Instant updatedAt) {

    /** Copies the collections. */
    public ServiceConfig {
        settings = Map.copyOf(settings);
        overriddenBy = List.copyOf(overriddenBy);
    }

    /** Enabled, and (for HTTP services) with a URL. */
    public boolean usable() {
        return enabled && (!name.hasUrl() || url != null);
    }

    /** A non-secret setting. */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key)).filter(v -> !v.isBlank());
    }

    /** What admins see: no secret, only whether one is set. */
    public ServiceConfigView view() {
        return new ServiceConfigView(name.wire(), name.displayName(), url, enabled, apiKey != null, settings,
                overriddenBy, updatedAt);
    }

    @Override
    public String toString() {
        return "ServiceConfig[" + name.wire() + ", url=" + url + ", enabled=" + enabled + ", apiKey="
                + (apiKey == null ? "none" : "***") + ", settings=" + settings + "]";
    }
}
