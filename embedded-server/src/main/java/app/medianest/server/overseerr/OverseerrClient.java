package app.medianest.server.overseerr;

import app.medianest.model.MediaType;
import app.medianest.server.resilience.UpstreamGuard;
import app.medianest.server.services.ServiceConfig;
import app.medianest.server.services.ServiceConfigs;
import app.medianest.server.services.ServiceName;
import app.medianest.server.upstream.UpstreamException;
import app.medianest.server.upstream.UpstreamHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Overseerr API v1 ({@code X-Api-Key}), configured through {@link ServiceConfigs} on every call. Searches and
 * lookups are guarded reads (retried); creating, approving and declining requests are guarded writes.
 */
public final class OverseerrClient {
    static final String SERVICE = "overseerr";

    private final ServiceConfigs configs;
    private final UpstreamGuard guard;
    private final UpstreamHttp http;

    public OverseerrClient(ServiceConfigs configs, UpstreamGuard guard, UpstreamHttp http) {
        this.configs = configs;
        this.guard = guard;
        this.http = http;
    }

    /** Whether Overseerr is configured and enabled. */
    public boolean configured() {
        return configs.get(ServiceName.OVERSEERR).usable();
    }

    /** {@code GET /search}: TMDB multi-search. */
    public JsonNode search(String query, int page) {
        ServiceConfig c = config();
        String path = "/search?query=" + encode(query) + "&page=" + page;
        return guard.read(() -> http.send(SERVICE, get(c, path)).json());
    }

    /**
     * {@code GET /movie/{id}} or {@code /tv/{id}}. Overseerr answers both an unknown id and a TMDB outage with
     * the same 500 "Unable to retrieve movie."; a search (also TMDB-backed) tells them apart. When it works, the id
     * is unknown: a 404 client error, which neither counts against the breaker nor reads as an outage. When it
     * fails too, TMDB is out: a server error, counted by the breaker and shown to the user as unavailable.
     */
    public JsonNode details(MediaType type, int tmdbId) {
        ServiceConfig c = config();
        return guard.read(() -> {
            UpstreamHttp.Answer a = http.sendRaw(SERVICE, get(c, "/" + type.wire() + "/" + tmdbId));
            if (a.status() == 500 && a.text().contains("Unable to retrieve")) {
                UpstreamHttp.Answer probe = http.sendRaw(SERVICE, get(c, "/search?query=" + encode(type.wire() + " "
                        + tmdbId) + "&page=1"));
                if (probe.status() >= 200 && probe.status() < 300) {
                    throw new UpstreamException(SERVICE, UpstreamException.Kind.CLIENT_ERROR, 404,
                            "Overseerr does not know " + type.wire() + " " + tmdbId, null);
                }
                throw new UpstreamException(SERVICE, UpstreamException.Kind.SERVER_ERROR, 500,
                        "Overseerr cannot reach TMDB (it answered \"Unable to retrieve\")", null);
            }
            return checked(a).json();
        });
    }

    /**
     * {@code POST /request}; returns Overseerr's request id. When the media already has a request (409) or a tv
     * request has no season left to ask for (202), throws a 409 client error.
     */
    public int createRequest(MediaType type, int tmdbId, List<Integer> seasons) {
        ServiceConfig c = config();
        ObjectNode body = UpstreamHttp.JSON.createObjectNode().put("mediaType", type.wire()).put("mediaId", tmdbId);
        if (type == MediaType.TV) {
            if (seasons == null || seasons.isEmpty()) {
                body.put("seasons", "all");
            } else {
                seasons.forEach(body.putArray("seasons")::add);
            }
        }
        HttpRequest.Builder b = builder(c, "/request").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        c.setting("requestUserId").ifPresent(user -> b.header("X-API-User", user));
        JsonNode created = guard.write(() -> {
            UpstreamHttp.Answer a = http.send(SERVICE, b.build());
            if (a.status() == 202) {
                throw new UpstreamException(SERVICE, UpstreamException.Kind.CLIENT_ERROR, 409,
                        "Overseerr has nothing left to request for " + type.wire() + " " + tmdbId, null);
            }
            return a.json();
        });
        if (!created.path("id").canConvertToInt()) {
            throw new UpstreamException(SERVICE, UpstreamException.Kind.BAD_RESPONSE, 201,
                    "Overseerr created a request without an id", null);
        }
        return created.get("id").asInt();
    }

    /** The newest pending or approved Overseerr request for a title, if any. */
    public Optional<Integer> activeRequestId(MediaType type, int tmdbId) {
        JsonNode requests = details(type, tmdbId).path("mediaInfo").path("requests");
        int best = -1;
        for (JsonNode r : requests) {
            int status = r.path("status").asInt();
            if ((status == 1 || status == 2) && r.path("id").asInt() > best) {
                best = r.path("id").asInt();
            }
        }
        return best > 0 ? Optional.of(best) : Optional.empty();
    }

    /** {@code POST /request/{id}/approve}. */
    public void approve(int overseerrId) {
        changeStatus(overseerrId, "approve");
    }

    /** {@code POST /request/{id}/decline} (Overseerr takes no reason). */
    public void decline(int overseerrId) {
        changeStatus(overseerrId, "decline");
    }

    /** Unguarded {@code /status} and {@code /auth/me} with {@code c}, for the admin's connection test. */
    public String probe(ServiceConfig c) {
        JsonNode status = http.send(SERVICE, get(c, "/status")).json();
        JsonNode me = http.send(SERVICE, get(c, "/auth/me")).json();
        return "Overseerr " + status.path("version").asText("?") + ", signed in as "
                + me.path("displayName").asText(me.path("username").asText("?"));
    }

    private void changeStatus(int overseerrId, String action) {
        ServiceConfig c = config();
        HttpRequest request = builder(c, "/request/" + overseerrId + "/" + action)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        guard.write(() -> http.send(SERVICE, request));
    }

    private ServiceConfig config() {
        ServiceConfig c = configs.get(ServiceName.OVERSEERR);
        if (!c.usable()) {
            throw new UpstreamException(SERVICE, UpstreamException.Kind.NOT_CONFIGURED, 0,
                    "Overseerr is not configured", null);
        }
        return c;
    }

    private HttpRequest get(ServiceConfig c, String path) {
        return builder(c, path).GET().build();
    }

    private HttpRequest.Builder builder(ServiceConfig c, String path) {
        HttpRequest.Builder b = http.request(URI.create(c.url() + path)).header("Accept", "application/json");
        if (c.apiKey() != null) {
            b.header("X-Api-Key", c.apiKey());
        }
        return b;
    }

    private UpstreamHttp.Answer checked(UpstreamHttp.Answer a) {
        if (a.status() >= 500) {
            throw new UpstreamException(SERVICE, UpstreamException.Kind.SERVER_ERROR, a.status(),
                    "overseerr answered " + a.status(), null);
        }
        if (a.status() >= 400) {
            throw new UpstreamException(SERVICE, UpstreamException.Kind.CLIENT_ERROR, a.status(),
                    "overseerr answered " + a.status(), null);
        }
        return a;
    }

    /**
     * A query value encoded as Overseerr's own front end does ({@code encodeURIExtraParams} in its
     * {@code useDiscover} hook): {@code encodeURIComponent}, then {@code ( ) ! *} percent-encoded too. So spaces
     * are {@code %20}, {@code *} is {@code %2A}, and {@code ~} and {@code '} stay as they are.
     */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~").replace("%27", "'");
    }
}
