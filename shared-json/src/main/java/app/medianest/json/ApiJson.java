package app.medianest.json;

import app.medianest.model.ApiError;
import app.medianest.model.Envelope;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.Map;

/**
 * The JSON setup of the API, shared by the server (which writes every answer with it and reads every body with
 * it) and the console (which decodes every answer into the shared-model records with it), so both sides agree on
 * one mapping of each record. Strict on input (no coercion of strings to numbers or numbers to strings, no
 * trailing tokens, bounded nesting and number length) so a wrong type is an error, not a silently changed value;
 * unknown properties are ignored (a newer server may add fields). Enums travel as their lower-case wire values
 * ({@code toString}); instants as ISO-8601 UTC.
 */
public final class ApiJson {
    private ApiJson() {
    }

    /** A new mapper with the API's settings. */
    public static ObjectMapper create() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
                .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
        // The envelope's optional parts are left out rather than sent as null; every other null is sent.
        mapper.addMixIn(Envelope.class, OmitNullMeta.class);
        mapper.addMixIn(ApiError.class, OmitNullDetails.class);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxNumberLength(40).maxStringLength(1_048_576).build());
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }

    private abstract static class OmitNullMeta {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Map<String, Object> meta();
    }

    private abstract static class OmitNullDetails {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Map<String, Object> details();
    }
}
