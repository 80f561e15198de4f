package app.medianest.console.api;

import app.medianest.json.ApiJson;
import app.medianest.model.ApiError;
import app.medianest.model.Envelope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    /**
     * The API's own JSON setup ({@link ApiJson}, the server's): every answer is decoded into the shared-model
     * records with it. Unknown fields (from a newer server) are ignored; enums travel as lower-case wire values.
     */
    public static final ObjectMapper JSON = ApiJson.create();

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
        return data(send("GET", path, null).get("data"));
    }

    /** GET; returns the whole envelope (for {@code meta}). */
    public JsonNode getEnvelope(String path) {
        return send("GET", path, null);
    }

    /** GET mapped onto {@code type}. */
    public <T> T get(String path, Class<T> type) {
        return convert(get(path), type);
    }

    /** GET of a list mapped onto {@code type}. */
    public <T> List<T> list(String path, Class<T> type) {
        return convert(get(path), JSON.getTypeFactory().constructCollectionType(List.class, type));
    }

    /** POST mapped onto {@code type}. */
    public <T> T post(String path, Object body, Class<T> type) {
        return convert(post(path, body), type);
    }

    /** GET of a cursor-paged list. */
    public <T> Page<T> page(String path, Class<T> type) {
        JavaType listType = JSON.getTypeFactory().constructCollectionType(List.class, type);
        Envelope<List<T>> env = convert(send("GET", path, null),
                JSON.getTypeFactory().constructParametricType(Envelope.class, listType));
        Object next = env.meta() == null ? null : env.meta().get("nextCursor");
        return new Page<>(env.data() == null ? List.of() : env.data(), next instanceof String c ? c : null);
    }

    public JsonNode post(String path, Object body) {
        return data(send("POST", path, body).get("data"));
    }

    public JsonNode put(String path, Object body) {
        return data(send("PUT", path, body).get("data"));
    }

    public JsonNode patch(String path, Object body) {
        return data(send("PATCH", path, body).get("data"));
    }

    public JsonNode delete(String path) {
        return data(send("DELETE", path, null).get("data"));
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
        return convert(node, JSON.getTypeFactory().constructType(type));
    }

    /** Maps a JSON node onto a generic type (a list of records, an envelope of them). */
    public static <T> T convert(JsonNode node, JavaType type) {
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
        JsonNode success = root.get("success");
        boolean ok = success != null && success.isBoolean() ? success.booleanValue() : res.statusCode() < 300;
        if (res.statusCode() >= 400 || !ok) {
            JsonNode errorNode = root.get("error");
            ApiError err = errorNode == null || !errorNode.isObject() ? null : convert(errorNode, ApiError.class);
            if (err == null) {
                throw new ApiException(res.statusCode(), "HTTP_" + res.statusCode(), "HTTP " + res.statusCode());
            }
            String message = err.message();
            if (err.details() != null && !err.details().isEmpty()) {
                List<String> parts = new ArrayList<>();
                err.details().forEach((k, v) -> parts.add(k + " " + v));
                message = message + ": " + String.join("; ", parts);
            }
            throw new ApiException(res.statusCode(), err.code(), message);
        }
        return root;
    }

    /** The envelope's {@code data} (a missing node when there is none). */
    private static JsonNode data(JsonNode value) {
        return value == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : value;
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
