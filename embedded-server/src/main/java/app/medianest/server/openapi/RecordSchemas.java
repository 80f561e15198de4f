package app.medianest.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * JSON Schemas (draft 2020-12, the dialect of OpenAPI 3.1) of records, read from their components by reflection,
 * as the server's JSON mapper writes them: component names as property names, every component present, enums as
 * their wire values ({@code toString}), instants as date-time strings. A primitive is never null; any other
 * component may be. Each record becomes one named schema under {@code components/schemas}.
 */
final class RecordSchemas {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Components left out when null (the envelope's optional parts; liveness has no checks). */
    private static final Set<String> OPTIONAL = Set.of("Envelope.meta", "ApiError.details", "Health.checks");

    private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();
    private final Map<Class<?>, String> names = new LinkedHashMap<>();

    /** The named schemas built so far, by name. */
    ObjectNode components() {
        ObjectNode out = F.objectNode();
        schemas.forEach(out::set);
        return out;
    }

    /** A reference to the schema of {@code record} (built on first use). */
    ObjectNode ref(Class<?> record) {
        return F.objectNode().put("$ref", "#/components/schemas/" + define(record));
    }

    /** The schema of a value of {@code type}, not nullable. */
    ObjectNode schema(Type type) {
        if (type instanceof WildcardType w) {
            return schema(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?>) {
            return F.objectNode();
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Map.class.isAssignableFrom(raw)) {
                return F.objectNode().put("type", "object").set("additionalProperties", nullable(args[1]));
            }
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode a = F.objectNode().put("type", "array");
                a.set("items", schema(args[0]));
                if (Set.class.isAssignableFrom(raw)) {
                    a.put("uniqueItems", true);
                }
                return a;
            }
            return schema(raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return F.objectNode().put("type", "string");
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class || c == short.class
                || c == Short.class) {
            return F.objectNode().put("type", "integer");
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return F.objectNode().put("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return F.objectNode().put("type", "boolean");
        }
        if (c == Instant.class) {
            return F.objectNode().put("type", "string").put("format", "date-time");
        }
        if (c == LocalDate.class) {
            return F.objectNode().put("type", "string").put("format", "date");
        }
        if (c == UUID.class) {
            return F.objectNode().put("type", "string").put("format", "uuid");
        }
        if (c.isEnum()) {
            ArrayNode values = F.arrayNode();
            for (Object e : c.getEnumConstants()) {
                values.add(e.toString());
            }
            return F.objectNode().put("type", "string").set("enum", values);
        }
        if (c.isRecord()) {
            return ref(c);
        }
        if (c.isArray()) {
            return F.objectNode().put("type", "array").set("items", schema(c.getComponentType()));
        }
        if (Map.class.isAssignableFrom(c)) {
            return F.objectNode().put("type", "object");
        }
        if (Collection.class.isAssignableFrom(c)) {
            return F.objectNode().put("type", "array");
        }
        if (c == Object.class || c == Duration.class || JsonNode.class.isAssignableFrom(c)) {
            return F.objectNode();
        }
        throw new IllegalArgumentException("no JSON schema for " + c.getName());
    }

    /** The schema of a component of {@code type}: null allowed unless it is a primitive. */
    ObjectNode nullable(Type type) {
        ObjectNode s = schema(type);
        if (type instanceof Class<?> c && c.isPrimitive() || s.isEmpty()) {
            return s;
        }
        if (s.has("type") && s.get("type").isTextual()) {
            s.set("type", F.arrayNode().add(s.get("type").asText()).add("null"));
            if (s.has("enum")) {
                ((ArrayNode) s.get("enum")).addNull();
            }
            return s;
        }
        ObjectNode any = F.objectNode();
        any.set("anyOf", F.arrayNode().add(s).add(F.objectNode().put("type", "null")));
        return any;
    }

    private String define(Class<?> record) {
        String known = names.get(record);
        if (known != null) {
            return known;
        }
        String name = nameOf(record);
        names.put(record, name);
        ObjectNode s = F.objectNode().put("type", "object");
        schemas.put(name, s);
        ObjectNode props = F.objectNode();
        ArrayNode required = F.arrayNode();
        for (RecordComponent rc : record.getRecordComponents()) {
            props.set(rc.getName(), nullable(rc.getGenericType()));
            if (!OPTIONAL.contains(record.getSimpleName() + "." + rc.getName())) {
                required.add(rc.getName());
            }
        }
        s.set("properties", props);
        s.set("required", required);
        return name;
    }

    /** {@code BulkItemResult.Error} for a nested record; a package prefix only if two records share a name. */
    private String nameOf(Class<?> record) {
        String pkg = record.getPackageName();
        String simple = record.getName().substring(pkg.isEmpty() ? 0 : pkg.length() + 1).replace('$', '.');
        if (!schemas.containsKey(simple)) {
            return simple;
        }
        return pkg.substring(pkg.lastIndexOf('.') + 1) + "." + simple;
    }
}
