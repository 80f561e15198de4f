package app.medianest.server.http;

import app.medianest.model.Envelope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One request/response pair as handlers see it: the caller, typed body and parameters, and JSON replies. */
public final class Exchange {
    /** Largest accepted request body (the contract's 1 MiB). */
    public static final int MAX_BODY = 1 << 20;
    private static final String JSON = "application/json; charset=UTF-8";

    private final ServerRequest req;
    private final ServerResponse res;
    private final Principal principal;

    Exchange(ServerRequest req, ServerResponse res, Principal principal) {
        this.req = req;
        this.res = res;
        this.principal = principal;
    }

    /** An exchange for handlers outside the route table (the portal's live-event stream). */
    public static Exchange of(ServerRequest req, ServerResponse res, Principal principal) {
        return new Exchange(req, res, principal);
    }

    public ServerRequest request() {
        return req;
    }

    public ServerResponse response() {
        return res;
    }

    /** The caller; only null on {@link Access#PUBLIC} and {@link Access#SECRET} routes. */
    public Principal principal() {
        return principal;
    }

    public Optional<Principal> optionalPrincipal() {
        return Optional.ofNullable(principal);
    }

    public String pathParam(String name) {
        return req.path().pathParameters().get(name);
    }

    /** A path parameter that must be a UUID; anything else is 404 (no such resource can exist). */
    public UUID pathId(String name, String what) {
        try {
            return UUID.fromString(pathParam(name));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what + " not found");
        }
    }

    public Optional<String> query(String name) {
        return req.query().first(name).asOptional();
    }

    /** How often query parameter {@code name} was given. */
    public int queryCount(String name) {
        return req.query().all(name, java.util.List::of).size();
    }

    /** Fails {@code v} for each of {@code names} given more than once (which value would be meant is unclear). */
    public void rejectRepeated(Validator v, String... names) {
        for (String name : names) {
            if (queryCount(name) > 1) {
                v.fail(name, "must be given at most once");
            }
        }
    }

    public Optional<String> header(String name) {
        return req.headers().first(HeaderNames.create(name));
    }

    public String clientAddress() {
        return req.remotePeer().host();
    }

    /**
     * Reads the JSON body as {@code type}: 415 for a non-JSON content type, 413 over 1 MiB, 400 BAD_JSON for
     * malformed JSON, 400 VALIDATION_ERROR naming the field for a wrong type.
     */
    public <T> T body(Class<T> type) {
        String contentType = req.headers().contentType().map(Object::toString).orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "The body must be application/json");
        }
        byte[] bytes = readLimited();
        if (bytes.length == 0) {
            throw ApiException.badRequest("BAD_JSON", "The request body is empty");
        }
        String text;
        try {
            text = TextRules.strictUtf8(bytes);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ApiException.badRequest("BAD_ENCODING", "The request body is not valid UTF-8");
        }
        try {
            T value = Json.MAPPER.readValue(text, type);
            if (value == null) {
                throw ApiException.badRequest("BAD_JSON", "The request body must be a JSON object");
            }
            if (type.isRecord()) {
                refuseUnknownOnly(text, type);
            }
            return value;
        } catch (MismatchedInputException e) {
            throw ApiException.validation(fieldOf(e), "has the wrong type or format");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("BAD_JSON", "The request body is not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("body", e.getMessage());
        }
    }

    /** Reads the JSON body if there is one, else returns {@code fallback}. */
    /**
     * Unknown fields are ignored (a newer client may send more), but a body with fields of which the route reads
     * none is a mistake (a body meant for another route, or garbage): refused, so it cannot act as an empty one.
     */
    private static void refuseUnknownOnly(String text, Class<?> type) throws IOException {
        com.fasterxml.jackson.databind.JsonNode tree = Json.MAPPER.readTree(text);
        if (!tree.isObject() || tree.isEmpty()) {
            return;
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        for (var c : type.getRecordComponents()) {
            known.add(c.getName());
        }
        for (var it = tree.fieldNames(); it.hasNext(); ) {
            if (known.contains(it.next())) {
                return;
            }
        }
        throw ApiException.badRequest("UNKNOWN_FIELDS", "The body has none of the fields this request reads: "
                + String.join(", ", new java.util.TreeSet<>(known)));
    }

    public <T> T bodyOrDefault(Class<T> type, T fallback) {
        if (!req.content().hasEntity()) {
            return fallback;
        }
        return body(type);
    }

    private byte[] readLimited() {
        if (req.headers().contentLength().orElse(0L) > MAX_BODY) {
            throw tooLarge();
        }
        InputStream in = req.content().inputStream();
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BODY + 1);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            // A malformed chunked body (a chunk size that is not hex, a missing line end) or a closed connection:
            // the stream is not drained (that would wait for more of a broken body) and the connection is closed.
            throw new ApiException(400, "BAD_REQUEST", "The request body could not be read (malformed or incomplete "
                    + "transfer encoding)", Map.of(), Map.of("Connection", "close"));
        }
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            throw new ApiException(400, "BAD_REQUEST", "The request body could not be read", Map.of(),
                    Map.of("Connection", "close"));
        }
        if (bytes.length > MAX_BODY) {
            throw tooLarge();
        }
        return bytes;
    }

    static ApiException tooLarge() {
        return new ApiException(413, "PAYLOAD_TOO_LARGE", "The request body is larger than 1 MiB");
    }

    private static String fieldOf(MismatchedInputException e) {
        StringBuilder b = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? "body" : b.toString();
    }

    public void ok(Object data) {
        send(200, Envelope.of(data));
    }

    public void ok(Object data, Map<String, Object> meta) {
        send(200, Envelope.of(data, meta));
    }

    /**
     * 200 with a strong ETag and private revalidation headers, or 304 without a body when the client's
     * {@code If-None-Match} already names this answer (see {@link ConditionalGet}).
     */
    public void okCacheable(Object data) {
        ConditionalGet.send(this, Json.write(Envelope.of(data)));
    }

    /** {@link #okCacheable(Object)} with meta; the meta is part of the tagged body. */
    public void okCacheable(Object data, Map<String, Object> meta) {
        ConditionalGet.send(this, Json.write(Envelope.of(data, meta)));
    }

    public void created(Object data) {
        send(201, Envelope.of(data));
    }

    /** Meta map that keeps null values (so {@code nextCursor: null} is sent). */
    public static Map<String, Object> meta(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    public void send(int status, Object body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, JSON);
        res.send(Json.write(body));
    }

    /** Sends pre-serialised JSON (cached responses). */
    public void sendJson(int status, byte[] body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, JSON);
        res.send(body);
    }
}
