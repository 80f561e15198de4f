package app.medianest.console;

import app.medianest.console.api.ApiClient;
import app.medianest.server.http.Json;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract between server and console: every record of the shared model, filled with a value in every
 * component, is written by the server's JSON mapper and read back by the console's decoder, and must come back
 * equal. A record one side cannot read (a renamed component, a type without a mapping, a constructor that refuses
 * what the other side writes) fails here at build time rather than in the dashboard at run time.
 */
class ContractRoundTripTest {
    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.123Z");
    /** Numbers grow along a record's components, so related values differ (a warning below its critical line). */
    private static int next;

    @Test
    void everySharedRecordSurvivesTheServersJsonAndTheConsolesDecoder() throws Exception {
        List<Class<?>> records = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.medianest.model")) {
            if (c.reflect().isRecord()) {
                records.add(c.reflect());
            }
        }
        assertTrue(records.size() > 70, "the shared model's records were found: " + records.size());
        List<String> problems = new ArrayList<>();
        for (Class<?> type : records) {
            Object sent;
            try {
                sent = sample(type, 0, false);
            } catch (RuntimeException e) {
                try {
                    // Some records check their values against an enum (a rule's comparison): try the first constants.
                    sent = sample(type, 0, true);
                } catch (RuntimeException again) {
                    problems.add(type.getName() + ": cannot build a sample: " + again);
                    continue;
                }
            }
            try {
                Object received = ApiClient.JSON.readValue(Json.write(sent), type);
                if (!sent.equals(received)) {
                    problems.add(type.getName() + ": sent " + sent + " but decoded " + received);
                }
            } catch (Exception e) {
                problems.add(type.getName() + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), problems, records.size() + " records checked");
    }

    /**
     * A value of {@code type} with every component set; enums take their last constant (the newest, such as
     * {@code not_configured}) or, with {@code firstConstants}, their first.
     */
    private static Object sample(Type type, int depth, boolean firstConstants) {
        if (depth > 6) {
            throw new IllegalStateException("records nest too deep at " + type);
        }
        if (type instanceof WildcardType w) {
            return sample(w.getUpperBounds()[0], depth, firstConstants);
        }
        if (type instanceof TypeVariable<?>) {
            return "value";
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("key", sample(args[1], depth + 1, firstConstants));
            }
            if (Set.class.isAssignableFrom(raw)) {
                return Set.of(sample(args[0], depth + 1, firstConstants));
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return List.of(sample(args[0], depth + 1, firstConstants));
            }
            return sample(raw, depth, firstConstants);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class || c == Object.class) {
            return "text";
        }
        if (c == int.class || c == Integer.class) {
            return 7 + next++ % 50;
        }
        if (c == long.class || c == Long.class) {
            return 9L + next++ % 50;
        }
        if (c == double.class || c == Double.class) {
            return 1.5 + next++ % 50;
        }
        if (c == float.class || c == Float.class) {
            return 2.5f + next++ % 50;
        }
        if (c == boolean.class || c == Boolean.class) {
            return true;
        }
        if (c == Instant.class) {
            return AT;
        }
        if (c == LocalDate.class) {
            return LocalDate.of(2026, 3, 4);
        }
        if (c == Duration.class) {
            return Duration.ofSeconds(90);
        }
        if (c == UUID.class) {
            return UUID.fromString("00000000-0000-4000-8000-000000000007");
        }
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constants[firstConstants ? 0 : constants.length - 1];
        }
        if (c.isRecord()) {
            RecordComponent[] parts = c.getRecordComponents();
            Class<?>[] types = new Class<?>[parts.length];
            Object[] values = new Object[parts.length];
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                values[i] = sample(parts[i].getGenericType(), depth + 1, firstConstants);
            }
            try {
                Constructor<?> canonical = c.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return canonical.newInstance(values);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        if (c.isSealed()) {
            return sample(c.getPermittedSubclasses()[0], depth, firstConstants);
        }
        throw new IllegalStateException("no sample for " + c.getName());
    }
}
