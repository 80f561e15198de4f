package app.medianest.console.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The console's HTTP client for its own server's JSON API. Every call is blocking and must run off the FX
 * thread. It unwraps the success envelope and turns error envelopes into {@link ApiException}s. The base URL
 * and the session token change over the console's life (restart on another port, first-run sign-in), so
 * both are set here rather than fixed at construction.
 */
public final class ApiClient {
    /** Lenient on input (new fields from newer servers are ignored); enums travel as lower-case wire values. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()).build();
    private final Duration timeout;
    private volatile String baseUrl;
    private volatile String token;

    /** @param timeout longest wait for an answer to one call */
    public ApiClient(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Where the server listens, for example {@code http://127.0.0.1:4000}. */
    public void baseUrl(String url) {
        this.baseUrl = url;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The session token sent with every call; kept in memory only. */
    public void token(String token) {
        this.token = token;
    }

    /** The current session token (memory only), null when signed out. */
    public String token() {
        return token;
    }

    public boolean signedIn() {
        return token != null;
    }

    /** GET; returns {@code data}. */
    public JsonNode get(String path) {
        return send("GET", path, null).path("data");
    }

    /** GET; returns the whole envelope (for {@code meta}). */
    public JsonNode getEnvelope(String path) {
        return send("GET", path, null);
    }

    /** GET mapped onto {@code type}. */
    public <T> T get(String path, Class<T> type) {
        return convert(get(path), type);
    }

    /** GET of a cursor-paged list. */
    public <T> Page<T> page(String path, Class<T> type) {
        JsonNode env = send("GET", path, null);
        List<T> items = new ArrayList<>();
        env.path("data").forEach(n -> items.add(convert(n, type)));
        JsonNode next = env.path("meta").path("nextCursor");
        return new Page<>(items, next.isTextual() ? next.asText() : null);
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body).path("data");
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, body).path("data");
    }

    public JsonNode patch(String path, Object body) {
        return send("PATCH", path, body).path("data");
    }

    public JsonNode delete(String path) {
        return send("DELETE", path, null).path("data");
    }

    /** GET of a plain (non-API) path, for example {@code /health}: the status code only. */
    public int status(String path) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(requireBase() + path)).timeout(timeout).GET().build();
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "INTERRUPTED", "interrupted");
        }
    }

    /** Maps a JSON node onto a record or class. */
    public static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ApiException(0, "BAD_RESPONSE", "Unexpected answer from the server: " + e.getMessage());
        }
    }

    /** {@code ?a=1&b=x} from the non-blank values of {@code params} (in order), URL-encoded. */
    public static String query(Map<String, ?> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                b.append(b.isEmpty() ? '?' : '&').append(k).append('=')
                        .append(URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return b.toString();
    }

    /** A small ordered map for query strings and bodies ({@code null} values allowed, unlike {@code Map.of}). */
    public static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(requireBase() + path)).timeout(timeout)
                .header("Accept", "application/json");
        String t = token;
        if (t != null) {
            b.header("Authorization", "Bearer " + t);
        }
        if (body != null) {
            try {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot serialise " + body.getClass().getName(), e);
            }
        } else if ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> res;
        try {
            res = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "INTERRUPTED", "interrupted");
        }
        JsonNode root;
        try {
            root = res.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(res.body());
        } catch (IOException e) {
            throw new ApiException(res.statusCode(), "BAD_RESPONSE", "The server sent something that is not JSON");
        }
        if (res.statusCode() >= 400 || !root.path("success").asBoolean(res.statusCode() < 300)) {
            JsonNode err = root.path("error");
            String message = err.path("message").asText("HTTP " + res.statusCode());
            JsonNode details = err.path("details");
            if (details.isObject() && !details.isEmpty()) {
                List<String> parts = new ArrayList<>();
                details.properties().forEach(e -> parts.add(e.getKey() + " " + e.getValue().asText()));
                message = message + ": " + String.join("; ", parts);
            }
            throw new ApiException(res.statusCode(), err.path("code").asText("HTTP_" + res.statusCode()), message);
        }
        return root;
    }

    private String requireBase() {
        String b = baseUrl;
        if (b == null) {
            throw new ApiException(0, "UNREACHABLE", "The server is not running");
        }
        return b;
    }

    private static ApiException unreachable(IOException e) {
        return new ApiException(0, "UNREACHABLE", "The server did not answer ("
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
    }
}
