package app.medianest.server.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Collects per-field problems of one request and throws them together as 400 VALIDATION_ERROR with the
 * messages in {@code error.details}. All input validation goes through here.
 */
public final class Validator {
    private final Map<String, Object> errors = new LinkedHashMap<>();

    /** A required string of {@code min..max} characters (after trimming when {@code trim}); null when invalid. */
    public String string(String field, String value, int min, int max, boolean trim) {
        if (value == null) {
            return fail(field, "is required");
        }
        String v = trim ? value.strip() : value;
        if (v.length() < min || v.length() > max) {
            return fail(field, "must be " + min + " to " + max + " characters");
        }
        if (v.chars().anyMatch(c -> c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F)) {
            return fail(field, "must not contain control characters");
        }
        return v;
    }

    /**
     * An optional free text that is stored or sent to the database (titles, reasons, search): as
     * {@link #optional}, and also well-formed Unicode, since a JSON escape can carry half a surrogate pair
     * that no database column should receive.
     */
    public String text(String field, String value, int max) {
        String v = optional(field, value, max);
        if (v != null && !wellFormed(v)) {
            return fail(field, "must be well-formed Unicode (no unpaired surrogates)");
        }
        if (v != null && TextRules.hasForbidden(v)) {
            return fail(field, "must not contain invisible formatting or text-direction characters");
        }
        return v == null ? null : TextRules.nfc(v);
    }

    /** A new user name: NFC, then the documented character set and length ({@link TextRules}). */
    public String username(String field, String value) {
        if (value == null) {
            return fail(field, "is required");
        }
        if (!wellFormed(value)) {
            return fail(field, "must be well-formed Unicode");
        }
        String v = TextRules.nfc(value).strip();
        String problem = TextRules.usernameProblem(v);
        return problem == null ? v : fail(field, problem);
    }

    /** True when every surrogate in {@code s} is part of a pair. */
    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** An optional string: null stays null. */
    public String optional(String field, String value, int max) {
        return value == null ? null : string(field, value, 0, max, true);
    }

    /** Parses with {@code parser}; its IllegalArgumentException message becomes the field's message. */
    public <T> T parse(String field, String value, Function<String, T> parser) {
        if (value == null) {
            return fail(field, "is required");
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            return fail(field, e.getMessage() == null ? "is not valid" : e.getMessage());
        }
    }

    public <T> T fail(String field, String message) {
        errors.putIfAbsent(field, message);
        return null;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Throws 400 VALIDATION_ERROR when any field failed. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }
}
