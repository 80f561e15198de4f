package app.medianest.server.plex;

import app.medianest.server.resilience.UpstreamGuard;
import app.medianest.server.services.ServiceConfig;
import app.medianest.server.services.ServiceConfigs;
import app.medianest.server.services.ServiceName;
import app.medianest.server.upstream.UpstreamException;
import app.medianest.server.upstream.UpstreamHttp;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Plex Media Server's JSON API ({@code Accept: application/json}, {@code X-Plex-Token}), configured through
 * {@link ServiceConfigs} on every call. Reads go through the guard's retry, breaker and bulkhead; the library
 * scan request only through breaker and bulkhead. Answers are the {@code MediaContainer} objects.
 */
public final class PlexClient {
    static final String SERVICE = "plex";

    private final ServiceConfigs configs;
    private final UpstreamGuard guard;
    private final UpstreamHttp http;
    private final String clientId;

    public PlexClient(ServiceConfigs configs, UpstreamGuard guard, UpstreamHttp http, String clientId) {
        this.configs = configs;
        this.guard = guard;
        this.http = http;
        this.clientId = clientId;
    }

    /** Whether Plex is configured and enabled. */
    public boolean configured() {
        return configs.get(ServiceName.PLEX).usable();
    }

    /** {@code GET /}: the server's name, version and platform. */
    public JsonNode server() {
        return read("/");
    }

    /** {@code GET /library/sections}. */
    public JsonNode sections() {
        return read("/library/sections");
    }

    /** How many top-level items a section holds ({@code totalSize} of an empty page). */
    public JsonNode sectionSize(String sectionKey) {
        return read("/library/sections/" + sectionKey + "/all?X-Plex-Container-Start=0&X-Plex-Container-Size=0");
    }

    /** One page of a section's items, paged with {@code X-Plex-Container-Start/Size} as query parameters. */
    public JsonNode sectionItems(String sectionKey, int offset, int limit) {
        return read("/library/sections/" + sectionKey + "/all?X-Plex-Container-Start=" + offset
                + "&X-Plex-Container-Size=" + limit);
    }

    /** {@code GET /hubs/search}: matches grouped in hubs. */
    public JsonNode search(String query, int perHub) {
        return read("/hubs/search?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&limit=" + perHub);
    }

    /** {@code GET /library/recentlyAdded}, newest first. */
    public JsonNode recentlyAdded(int limit) {
        return read("/library/recentlyAdded?X-Plex-Container-Start=0&X-Plex-Container-Size=" + limit);
    }

    /** {@code GET /library/sections/{key}/collections}. */
    public JsonNode collections(String sectionKey) {
        return read("/library/sections/" + sectionKey + "/collections");
    }

    /** {@code GET /library/collections/{key}/children}. */
    public JsonNode collectionItems(String collectionKey) {
        return read("/library/collections/" + collectionKey + "/children");
    }

    /** An image (thumb, art, collection composite) by its server-relative path; the token never leaves here. */
    public UpstreamHttp.Answer image(String path) {
        ServiceConfig c = config();
        return guard.read(() -> http.send(SERVICE, request(c, path, "image/*")));
    }

    /** Asks Plex to scan one section (optionally only {@code path}); the scan runs in the background. */
    public void refresh(String sectionKey, String path) {
        ServiceConfig c = config();
        String query = path == null ? "" : "?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
        guard.write(() -> http.send(SERVICE, request(c, "/library/sections/" + sectionKey + "/refresh" + query)));
    }

    /** One unguarded {@code GET /} with {@code c}, for the admin's connection test. */
    public JsonNode probe(ServiceConfig c) {
        return container(http.send(SERVICE, request(c, "/")).json());
    }

    private JsonNode read(String pathAndQuery) {
        ServiceConfig c = config();
        return guard.read(() -> container(http.send(SERVICE, request(c, pathAndQuery)).json()));
    }

    private ServiceConfig config() {
        ServiceConfig c = configs.get(ServiceName.PLEX);
        if (!c.usable()) {
            throw new UpstreamException(SERVICE, UpstreamException.Kind.NOT_CONFIGURED, 0, "Plex is not configured",
                    null);
        }
        return c;
    }

    private HttpRequest request(ServiceConfig c, String pathAndQuery) {
        return request(c, pathAndQuery, "application/json");
    }

    private HttpRequest request(ServiceConfig c, String pathAndQuery, String accept) {
        HttpRequest.Builder b = http.request(URI.create(c.url() + pathAndQuery))
                .header("Accept", accept)
                .header("X-Plex-Client-Identifier", clientId)
                .header("X-Plex-Product", "MediaNest");
        if (c.apiKey() != null) {
            b.header("X-Plex-Token", c.apiKey());
        }
        return b.GET().build();
    }

    private static JsonNode container(JsonNode body) {
        JsonNode container = body.path("MediaContainer");
        if (!container.isObject()) {
            throw new UpstreamException(SERVICE, UpstreamException.Kind.BAD_RESPONSE, 200,
                    "Plex answered without a MediaContainer", null);
        }
        return container;
    }
}
