package app.medianest.model.services;

import java.util.Map;

/**
 * {@code PUT /api/v1/admin/services/{name}}.
 *
 * @param url      http(s) base URL; must be absent for {@code youtube}
 * @param apiKey   new token / API key; absent keeps the stored one, an empty string removes it
 * @param enabled  whether MediaNest uses the service (required)
 * @param settings non-secret settings (strings or numbers); absent keeps the stored ones, keys depend on the
 *                 service
 */
public record ServiceConfigUpdate(String url, String apiKey, Boolean enabled, Map<String, Object> settings) {
    @Override
    public String toString() {
        return "ServiceConfigUpdate[url=" + url + ", apiKey=" + (apiKey == null ? "unchanged" : "***")
                + ", enabled=" + enabled + ", settings=" + settings + "]";
    }
}
