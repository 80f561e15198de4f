package app.medianest.model;

import java.util.Locale;

/** An enum with a lower-case wire value, used in JSON bodies, query parameters and database columns. */
public interface WireEnum {
    /** The value as it appears on the wire and in the database. */
    String wire();

    /**
     * Parses a wire value into one of the constants of {@code type}.
     *
     * @throws IllegalArgumentException naming the bad value and the allowed ones
     */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value) {
        if (value != null) {
            @SuppressWarnings("unchecked")
            E[] constants = (E[]) WireEnumConstants.OF.get(type);
            // Values read back from the database are already lower-case: no copy for them.
            for (E e : constants) {
                if (e.wire().equals(value)) {
                    return e;
                }
            }
            String lower = value.toLowerCase(Locale.ROOT);
            for (E e : constants) {
                if (e.wire().equals(lower)) {
                    return e;
                }
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.isEmpty() ? "" : ", ").append(e.wire());
        }
        throw new IllegalArgumentException("must be one of " + allowed + " (was '" + value + "')");
    }
}
