package app.medianest.server.auth;

import app.medianest.server.upstream.LazyHttpClient;
import app.medianest.server.upstream.UpstreamException;
import app.medianest.server.resilience.UpstreamGuard;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * plex.tv's PIN sign-in (API v2): create a PIN, poll it, read the account of the token it yields. Base URL
 * configurable ({@code MEDIANEST_PLEXTV_URL}) so tests use a fake plex.tv over real HTTP.
 */
public final class PlexTvClient {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String SERVICE = "plex.tv";

    /** A PIN as plex.tv reports it; {@code authToken} is null until the user approves. */
    public record Pin(long id, String code, Instant expiresAt, String authToken) {
        @Override
        public String toString() {
            return "Pin[id=" + id + ", authorized=" + (authToken != null) + "]";
        }
    }

    /** The signed-in Plex account. */
    public record Account(String id, String username, String email) {
    }

    private final String baseUrl;
    private final String clientId;
    private final String version;
    private final LazyHttpClient http;
    private final Duration timeout;
    private final UpstreamGuard guard;

    /**
     * @param guard the {@code plex-tv} circuit breaker and bulkhead: creating a PIN is a guarded write, polling it
     *              and reading the account are retried reads
     */
    public PlexTvClient(String baseUrl, String clientId, String version, Duration timeout,
                        UpstreamGuard guard) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.clientId = clientId;
        this.version = version;
        this.timeout = timeout;
        this.guard = guard;
        this.http = new LazyHttpClient(timeout);
    }

    public Pin createPin() {
        return pin(guard.write(() -> send(request("/api/v2/pins?strong=true")
                .POST(HttpRequest.BodyPublishers.noBody()), 201)));
    }

    public Pin getPin(long id) {
        return pin(guard.read(() -> send(request("/api/v2/pins/" + id).GET(), 200)));
    }

    public Account account(String token) {
        JsonNode n = guard.read(() -> send(request("/api/v2/user").header("X-Plex-Token", token).GET(), 200));
        String id = n.path("id").asText("");
        if (id.isEmpty()) {
            throw new UpstreamException(SERVICE, UpstreamException.Kind.BAD_RESPONSE, 200, "plex.tv account has no id",
                    null);
        }
        String username = n.path("username").asText(n.path("title").asText("plex-" + id));
        String email = n.hasNonNull("email") ? n.get("email").asText() : null;
        return new Account(id, username, email);
    }

    /** The page where the user approves a strong PIN. */
    public String linkUrl(String code) {
        return "https://app.plex.tv/auth/#!?clientID=" + enc(clientId) + "&code=" + enc(code)
                + "&context%5Bdevice%5D%5Bproduct%5D=MediaNest";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Accept", "application/json")
                .header("X-Plex-Client-Identifier", clientId)
                .header("X-Plex-Product", "MediaNest")
                .header("X-Plex-Version", version);
    }

    private JsonNode send(HttpRequest.Builder b, int expected) {
        HttpResponse<byte[]> r = sendRaw(b, expected);
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UpstreamException(SERVICE, UpstreamException.Kind.BAD_RESPONSE, r.statusCode(),
                    "plex.tv sent invalid JSON", e);
        }
    }

    /**
     * The accounts the owner of {@code ownerToken} shares servers with, as plex.tv's {@code GET /api/users} lists
     * them (XML, the list Overseerr's {@code checkUserAccess} reads): plex.tv account id -> machine identifiers
     * of the servers shared with it.
     */
    public java.util.Map<String, java.util.Set<String>> sharedUsers(String ownerToken) {
        byte[] xml = guard.read(() -> sendRaw(request("/api/users").header("Accept", "application/xml")
                .header("X-Plex-Token", ownerToken).GET(), 200).body());
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            org.w3c.dom.Document doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
            java.util.Map<String, java.util.Set<String>> out = new java.util.HashMap<>();
            org.w3c.dom.NodeList users = doc.getElementsByTagName("User");
            for (int i = 0; i < users.getLength(); i++) {
                org.w3c.dom.Element u = (org.w3c.dom.Element) users.item(i);
                java.util.Set<String> machines = new java.util.HashSet<>();
                org.w3c.dom.NodeList servers = u.getElementsByTagName("Server");
                for (int j = 0; j < servers.getLength(); j++) {
                    machines.add(((org.w3c.dom.Element) servers.item(j)).getAttribute("machineIdentifier"));
                }
                out.put(u.getAttribute("id"), machines);
            }
            return out;
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | IOException e) {
            throw new UpstreamException(SERVICE, UpstreamException.Kind.BAD_RESPONSE, 200,
                    "plex.tv sent an invalid user list", e);
        }
    }

    private HttpResponse<byte[]> sendRaw(HttpRequest.Builder b, int expected) {
        HttpResponse<byte[]> r;
        try {
            r = http.get().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new UpstreamException(SERVICE, UpstreamException.Kind.TIMEOUT, 0, "plex.tv did not answer in time", e);
        } catch (ConnectException e) {
            throw new UpstreamException(SERVICE, UpstreamException.Kind.UNREACHABLE, 0, "plex.tv is unreachable", e);
        } catch (IOException e) {
            throw new UpstreamException(SERVICE, UpstreamException.Kind.UNREACHABLE, 0, "plex.tv connection failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(SERVICE, UpstreamException.Kind.UNREACHABLE, 0, "interrupted", e);
        }
        int s = r.statusCode();
        if (s >= 500) {
            throw new UpstreamException(SERVICE, UpstreamException.Kind.SERVER_ERROR, s, "plex.tv answered " + s, null);
        }
        if (s != expected && !(expected == 201 && s == 200)) {
            throw new UpstreamException(SERVICE, UpstreamException.Kind.CLIENT_ERROR, s, "plex.tv answered " + s, null);
        }
        return r;
    }

    private static Pin pin(JsonNode n) {
        String expires = n.path("expiresAt").asText(null);
        String token = n.hasNonNull("authToken") && !n.get("authToken").asText().isEmpty()
                ? n.get("authToken").asText() : null;
        Instant exp;
        try {
            exp = expires == null ? Instant.now().plusSeconds(n.path("expiresIn").asLong(900)) : Instant.parse(expires);
        } catch (RuntimeException e) {
            exp = Instant.now().plusSeconds(900);
        }
        return new Pin(n.path("id").asLong(), n.path("code").asText(""), exp, token);
    }
}
