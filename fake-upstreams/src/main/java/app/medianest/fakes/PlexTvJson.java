package app.medianest.fakes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Renders plex.tv v2 JSON shapes (upstreams.md section 1). */
final class PlexTvJson {

    private PlexTvJson() {
    }

    static ObjectNode errors(int code, String message, int status) {
        ObjectNode error = Json.object().put("code", code).put("message", message).put("status", status);
        ObjectNode body = Json.object();
        body.putArray("errors").add(error);
        return body;
    }

    static ObjectNode pin(PlexPin pin, Instant now) {
        ObjectNode node = Json.object()
                .put("id", pin.id())
                .put("code", pin.code())
                .put("product", pin.product())
                .put("trusted", false)
                .put("qr", "https://plex.tv/api/v2/pins/qr/" + pin.code())
                .put("clientIdentifier", pin.clientIdentifier());
        node.putObject("location")
                .put("code", "US").put("european_union_member", false).put("continent_code", "NA")
                .put("country", "United States").put("city", "Springfield").put("time_zone", "America/Chicago")
                .put("postal_code", "62701").put("in_privacy_restricted_country", false)
                .put("subdivisions", "Illinois").put("coordinates", "39.7990, -89.6440");
        long remaining = Math.max(0, Duration.between(now, pin.expiresAt()).toSeconds());
        node.put("expiresIn", remaining)
                .put("createdAt", iso(pin.createdAt()))
                .put("expiresAt", iso(pin.expiresAt()))
                .put("authToken", pin.authToken())
                .putNull("newRegistration");
        return node;
    }

    static ObjectNode account(PlexAccount account, Instant now) {
        long joined = 1_500_000_000L + Math.floorMod(account.id(), 100_000_000);
        ObjectNode node = Json.object()
                .put("id", account.id()).put("uuid", account.uuid()).put("username", account.username())
                .put("title", account.username()).put("friendlyName", account.username())
                .put("email", account.email()).put("authToken", account.authToken())
                .putNull("locale").put("country", "US")
                .put("thumb", "https://plex.tv/users/" + account.uuid() + "/avatar?c=" + joined)
                .put("joinedAt", joined).put("rememberExpiresAt", now.getEpochSecond() + 30L * 24 * 3600)
                .put("confirmed", true).put("hasPassword", true).put("home", false).put("homeAdmin", false)
                .put("guest", false).put("restricted", false).put("protected", false)
                .put("twoFactorEnabled", false).put("scrobbleTypes", "");
        ObjectNode subscription = node.putObject("subscription")
                .put("active", false).put("status", "Inactive").putNull("plan");
        subscription.putArray("features");
        node.putArray("roles");
        node.putArray("entitlements");
        node.putObject("profile").put("autoSelectAudio", true).putNull("defaultAudioLanguage");
        node.putArray("services");
        return node;
    }

    static ObjectNode server(PlexServerResource server, Instant now) {
        ObjectNode node = Json.object()
                .put("name", server.name()).put("product", "Plex Media Server")
                .put("productVersion", FakePlex.VERSION).put("platform", "Linux")
                .put("platformVersion", "6.1.0").put("device", "PC")
                .put("clientIdentifier", server.clientIdentifier())
                .put("createdAt", "2023-01-01T10:00:00Z").put("lastSeenAt", iso(now))
                .put("provides", "server").put("owned", server.owned());
        if (server.owned()) {
            node.putNull("ownerId").putNull("sourceTitle");
        } else {
            node.put("ownerId", 7_654_321).put("sourceTitle", server.sourceTitle());
        }
        node.put("accessToken", server.accessToken()).put("publicAddress", "203.0.113.10")
                .put("httpsRequired", false).put("synced", false).put("relay", true)
                .put("dnsRebindingProtection", false).put("natLoopbackSupported", false)
                .put("publicAddressMatches", true).put("presence", true).put("home", false);
        ArrayNode connections = node.putArray("connections");
        for (URI uri : server.connections()) {
            connections.addObject()
                    .put("protocol", uri.getScheme()).put("address", uri.getHost())
                    .put("port", uri.getPort() < 0 ? 32400 : uri.getPort()).put("uri", uri.toString())
                    .put("local", true).put("relay", false).put("IPv6", false);
        }
        return node;
    }

    /** A non-server device, so clients must filter on {@code provides}. */
    static ObjectNode player(Instant now) {
        ObjectNode node = Json.object()
                .put("name", "Living Room TV").put("product", "Plex for Android (TV)").put("productVersion", "10.12.0")
                .put("platform", "Android").put("platformVersion", "11").put("device", "SHIELD Android TV")
                .put("clientIdentifier", "a1b2c3d4e5f60718").put("createdAt", "2023-02-01T10:00:00Z")
                .put("lastSeenAt", iso(now)).put("provides", "client,player,pubsub-player").put("owned", true)
                .putNull("accessToken").put("presence", false);
        node.putArray("connections");
        return node;
    }

    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
