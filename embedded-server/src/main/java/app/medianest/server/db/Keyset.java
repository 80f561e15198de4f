package app.medianest.server.db;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset ("seek") pagination over an ordered list of columns ending in a unique tie-breaker. A page is
 * found with an index range that starts where the previous page ended, so page 5,000 costs what page 1
 * costs. Cursors are opaque to clients, bound to the sort they were made for, and validated on decode.
 *
 * @param name    sort name as clients write it ({@code createdAt}); part of the cursor
 * @param columns the ordered SQL columns (constants from code, never input)
 * @param types   the column types, for decoding cursor values
 */
public record Keyset(String name, List<String> columns, List<Type> types) {

    private static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** Type of one key column. */
    public enum Type { INSTANT, STRING, UUID }

    public Keyset {
        if (columns.size() != types.size() || columns.isEmpty()) {
            throw new IllegalArgumentException("columns and types must match: " + columns + " / " + types);
        }
        columns = List.copyOf(columns);
        types = List.copyOf(types);
    }

    public static Keyset of(String name, Object... columnAndType) {
        List<String> cols = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        for (int i = 0; i < columnAndType.length; i += 2) {
            cols.add((String) columnAndType[i]);
            types.add((Type) columnAndType[i + 1]);
        }
        return new Keyset(name, cols, types);
    }

    /** {@code ORDER BY} clause for this keyset. */
    public String orderBy(boolean desc) {
        return orderBy(desc, List.of());
    }

    /**
     * {@code ORDER BY} with leading columns that the query pins with an equality filter. They do not change
     * the order, but they let H2 see that an index {@code (filter, created_at DESC, id DESC)} already yields
     * it (PostgreSQL drops them as constants).
     */
    public String orderBy(boolean desc, List<String> pinnedColumns) {
        return orderBy(desc, pinnedColumns, false);
    }

    /**
     * As {@link #orderBy(boolean, List)}, with the pinned columns descending when {@code pinnedDesc}: for an
     * index whose columns are all ascending, which then yields the descending order read backwards.
     */
    public String orderBy(boolean desc, List<String> pinnedColumns, boolean pinnedDesc) {
        StringBuilder b = new StringBuilder(" ORDER BY ");
        for (String pinned : pinnedColumns) {
            b.append(pinned).append(pinnedDesc ? " DESC, " : " ASC, ");
        }
        for (int i = 0; i < columns.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(columns.get(i)).append(desc ? " DESC" : " ASC");
        }
        return b.toString();
    }

    /**
     * The seek condition for rows after {@code values}: {@code a <= ? AND (a < ? OR (a = ? AND b < ?) ...)}.
     * The leading, redundant range on the first column lets both H2 and PostgreSQL start the index scan there.
     */
    public String seek(boolean desc, List<Object> values, List<Object> params) {
        String lt = desc ? " < ?" : " > ?";
        String le = desc ? " <= ?" : " >= ?";
        StringBuilder b = new StringBuilder("(").append(columns.getFirst()).append(le).append(" AND (");
        params.add(values.getFirst());
        for (int i = 0; i < columns.size(); i++) {
            b.append(i == 0 ? "" : " OR ").append("(");
            for (int j = 0; j < i; j++) {
                b.append(columns.get(j)).append(" = ? AND ");
                params.add(values.get(j));
            }
            b.append(columns.get(i)).append(lt).append(")");
            params.add(values.get(i));
        }
        return b.append("))").toString();
    }

    /** Page from {@code limit + 1} fetched rows: the extra row only says there is a next page. */
    public <T> Page<T> page(List<T> rows, int limit, boolean desc, Function<T, List<Object>> keyOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, encode(desc, keyOf.apply(items.getLast())));
    }

    /** The cursor of the page that starts after the row whose key is {@code values}. */
    public String encode(boolean desc, List<Object> values) {
        StringBuilder b = new StringBuilder("v1\u001f").append(name).append('\u001f').append(desc ? 'd' : 'a');
        for (Object v : values) {
            b.append('\u001f').append(v instanceof Instant t ? Long.toString(t.getEpochSecond()) + "."
                    + t.getNano() : String.valueOf(v));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor made by this keyset with the same order.
     *
     * @throws IllegalArgumentException when the cursor is malformed or belongs to another sort or order
     */
    public List<Object> decode(String cursor, boolean desc) {
        String text;
        try {
            if (cursor.length() > 2048) {
                throw new IllegalArgumentException("too long");
            }
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a valid cursor");
        }
        String[] parts = text.split("\u001f", -1);
        if (parts.length != 3 + columns.size() || !"v1".equals(parts[0])) {
            throw new IllegalArgumentException("is not a valid cursor");
        }
        if (!parts[1].equals(name) || !parts[2].equals(desc ? "d" : "a")) {
            throw new IllegalArgumentException("was made for another sort or order");
        }
        List<Object> values = new ArrayList<>();
        try {
            for (int i = 0; i < columns.size(); i++) {
                String p = parts[3 + i];
                values.add(switch (types.get(i)) {
                    case INSTANT -> {
                        int dot = p.indexOf('.');
                        Instant t = Instant.ofEpochSecond(Long.parseLong(p.substring(0, dot)),
                                Long.parseLong(p.substring(dot + 1)));
                        // Outside what both databases store: a forged cursor, not one of ours.
                        if (t.isBefore(MIN_INSTANT) || t.isAfter(MAX_INSTANT)) {
                            throw new IllegalArgumentException("out of range");
                        }
                        yield t;
                    }
                    case UUID -> UUID.fromString(p);
                    case STRING -> {
                        // NUL and other control characters are refused by PostgreSQL text parameters.
                        if (p.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                            throw new IllegalArgumentException("control character");
                        }
                        yield p;
                    }
                });
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a valid cursor");
        }
        return values;
    }
}
