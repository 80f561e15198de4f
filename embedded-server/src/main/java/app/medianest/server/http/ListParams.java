package app.medianest.server.http;

import java.util.Set;
import java.util.function.Supplier;

/**
 * The contract's list parameters, validated: {@code limit} (default 20, clamped to 1..100), {@code cursor}
 * (opaque, checked by the repository), {@code sort} (one of the allowed names) and {@code order}.
 */
public record ListParams(int limit, String cursor, String sort, boolean desc) {

    public static ListParams parse(Exchange ex, Validator v, Set<String> sorts, String defaultSort) {
        int limit = 20;
        String rawLimit = ex.query("limit").orElse(null);
        if (rawLimit != null) {
            try {
                limit = Math.clamp(Long.parseLong(rawLimit.strip()), 1, 100);
            } catch (NumberFormatException e) {
                v.fail("limit", "must be a whole number from 1 to 100");
            }
        }
        String cursor = ex.query("cursor").filter(c -> !c.isBlank()).orElse(null);
        String sort = ex.query("sort").orElse(defaultSort);
        if (!sorts.contains(sort)) {
            v.fail("sort", "must be one of " + String.join(", ", new java.util.TreeSet<>(sorts)));
        }
        String order = ex.query("order").orElse("desc");
        if (!order.equals("asc") && !order.equals("desc")) {
            v.fail("order", "must be asc or desc");
        }
        return new ListParams(limit, cursor, sort, !order.equals("asc"));
    }

    /** Runs a repository list call, turning a bad cursor into 400 VALIDATION_ERROR on {@code cursor}. */
    public <T> T run(Supplier<T> query) {
        try {
            return query.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("cursor", e.getMessage());
        }
    }
}
