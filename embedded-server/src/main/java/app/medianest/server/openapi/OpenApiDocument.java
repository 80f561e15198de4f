package app.medianest.server.openapi;

import app.medianest.model.Envelope;
import app.medianest.model.ErrorEnvelope;
import app.medianest.server.http.Access;
import app.medianest.server.http.RouteTable;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 description of the server, derived from the route table (every route: method, path, path
 * parameters, who may call it) and the records (every body and answer: {@link RecordSchemas}), with the route's
 * record types from {@link ApiShapes}. Success answers are the envelope {@code {"success": true, "data": ...}};
 * every error is the error envelope.
 */
public final class OpenApiDocument {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final String JSON = "application/json";

    private OpenApiDocument() {
    }

    /**
     * The description of {@code routes}.
     *
     * @throws IllegalStateException naming the routes {@link ApiShapes} does not describe
     */
    public static ObjectNode build(List<RouteTable.Route> routes, String version) {
        List<String> missing = new ArrayList<>();
        for (RouteTable.Route r : routes) {
            if (!ApiShapes.ROUTES.containsKey(key(r))) {
                missing.add(key(r));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("routes without a described answer (add them to ApiShapes): " + missing);
        }
        RecordSchemas schemas = new RecordSchemas();
        ObjectNode doc = F.objectNode().put("openapi", "3.1.0");
        doc.set("info", F.objectNode().put("title", "MediaNest API").put("version", version)
                .put("description", "The home media server's HTTP API. Answers are JSON envelopes: "
                        + "{\"success\": true, \"data\": ...} or {\"success\": false, \"error\": {...}}. "
                        + "Sign in with POST /api/v1/auth/login and send the token as 'Authorization: Bearer <token>'."));
        ObjectNode paths = doc.putObject("paths");
        for (RouteTable.Route r : routes) {
            ObjectNode item = paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
            item.set(r.method().text().toLowerCase(Locale.ROOT), operation(r, ApiShapes.ROUTES.get(key(r)), schemas));
        }
        ObjectNode components = doc.putObject("components");
        ObjectNode security = components.putObject("securitySchemes");
        security.putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("description", "A session token (sign-in) or an API key");
        security.putObject("secret").put("type", "apiKey").put("in", "header").put("name", "Authorization")
                .put("description", "A shared secret (the Overseerr webhook, the metrics token)");
        schemas.ref(ErrorEnvelope.class);
        components.set("schemas", schemas.components());
        return doc;
    }

    static String key(RouteTable.Route r) {
        return r.method().text() + " " + r.path();
    }

    private static ObjectNode operation(RouteTable.Route r, ApiShapes.Shape shape, RecordSchemas schemas) {
        ObjectNode op = F.objectNode();
        op.put("operationId", operationId(r));
        op.put("summary", shape.summary());
        String[] segments = r.path().split("/");
        op.set("tags", F.arrayNode().add(segments.length > 3 && segments[1].equals("api") ? segments[3]
                : segments[1]));
        op.put("description", "Access: " + access(r.access()));
        op.set("security", security(r.access()));
        ArrayNode params = F.arrayNode();
        Matcher m = PARAM.matcher(r.path());
        while (m.find()) {
            params.add(F.objectNode().put("name", m.group(1)).put("in", "path").put("required", true)
                    .set("schema", F.objectNode().put("type", "string")));
        }
        if (!params.isEmpty()) {
            op.set("parameters", params);
        }
        if (shape.body() != null) {
            ObjectNode body = op.putObject("requestBody").put("required", true);
            body.putObject("content").putObject(JSON).set("schema", schemas.ref(shape.body()));
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject(Integer.toString(shape.status()))
                .put("description", shape.status() == 201 ? "Created" : "OK");
        switch (shape.kind()) {
            case EVENTS -> ok.putObject("content").putObject("text/event-stream")
                    .set("schema", F.objectNode().put("type", "string"));
            case PROMETHEUS -> ok.putObject("content").putObject("text/plain")
                    .set("schema", F.objectNode().put("type", "string"));
            case BARE -> {
                if (shape.type() != null) {
                    ok.putObject("content").putObject(JSON).set("schema", schemas.ref(shape.type()));
                    if (r.path().startsWith("/health")) {
                        ObjectNode down = responses.putObject("503").put("description", "DOWN, with the failing checks");
                        down.putObject("content").putObject(JSON).set("schema", schemas.ref(shape.type()));
                    }
                } else if (r.path().endsWith("openapi.json")) {
                    ok.putObject("content").putObject(JSON).set("schema", F.objectNode().put("type", "object"));
                } else if (r.path().endsWith("{file}")) {
                    ObjectNode content = ok.putObject("content");
                    for (String type : new String[] {"text/css", "text/javascript", "image/png"}) {
                        content.putObject(type).set("schema", F.objectNode().put("type", "string"));
                    }
                } else {
                    ok.putObject("content").putObject("text/html").set("schema", F.objectNode().put("type", "string"));
                }
            }
            default -> ok.putObject("content").putObject(JSON).set("schema", envelope(shape, schemas));
        }
        ObjectNode error = responses.putObject("default").put("description", "An error, in the error envelope");
        error.putObject("content").putObject(JSON).set("schema", schemas.ref(ErrorEnvelope.class));
        return op;
    }

    /** {@code {"success": true, "data": <the shape>, "meta": {...}}}. */
    private static ObjectNode envelope(ApiShapes.Shape shape, RecordSchemas schemas) {
        ObjectNode data = switch (shape.kind()) {
            case ONE -> schemas.ref(shape.type());
            case LIST, PAGE -> F.objectNode().put("type", "array").set("items", shape.type() == null
                    ? F.objectNode().put("type", "object") : schemas.ref(shape.type()));
            default -> F.objectNode().put("type", "object");
        };
        ObjectNode s = F.objectNode().put("type", "object");
        ObjectNode props = s.putObject("properties");
        props.putObject("success").put("const", true);
        props.set("data", data);
        ObjectNode meta = props.putObject("meta").put("type", "object");
        if (shape.kind() == ApiShapes.Kind.PAGE) {
            ObjectNode mp = meta.putObject("properties");
            mp.putObject("nextCursor").set("type", F.arrayNode().add("string").add("null"));
            mp.putObject("limit").put("type", "integer");
            meta.set("required", F.arrayNode().add("nextCursor").add("limit"));
        }
        s.set("required", F.arrayNode().add("success").add("data"));
        s.put("description", "The success envelope (" + Envelope.class.getSimpleName() + ")");
        return s;
    }

    private static ArrayNode security(Access access) {
        return switch (access) {
            case USER, ADMIN -> F.arrayNode().add(F.objectNode().set("bearer", F.arrayNode()));
            case PUBLIC -> F.arrayNode();
            default -> F.arrayNode().add(F.objectNode().set("secret", F.arrayNode()))
                    .add(F.objectNode().set("bearer", F.arrayNode()));
        };
    }

    private static String access(Access access) {
        return switch (access) {
            case USER -> "any signed-in user";
            case ADMIN -> "admins";
            case PUBLIC -> "anyone";
            default -> "a shared secret, or an admin";
        };
    }

    private static String operationId(RouteTable.Route r) {
        StringBuilder b = new StringBuilder(r.method().text().toLowerCase(Locale.ROOT));
        for (String part : r.path().split("[/{}.-]")) {
            if (!part.isEmpty() && !part.equals("api") && !part.equals("v1")) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }
}
