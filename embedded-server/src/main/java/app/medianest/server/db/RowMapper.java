package app.medianest.server.db;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps the current row of a result set to a value. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(Row row) throws SQLException;

    /**
     * Typed column access over a {@link ResultSet}, with the conversions MediaNest needs on both databases. A column
     * is found by its label once per result set: the drivers look a label up by upper- or lower-casing it on every
     * call, which was a twentieth of a 50-row list page.
     */
    final class Row {
        private final ResultSet rs;
        private final java.util.Map<String, Integer> columns = new java.util.HashMap<>();

        Row(ResultSet rs) {
            this.rs = rs;
        }

        private int index(String col) throws SQLException {
            Integer i = columns.get(col);
            if (i == null) {
                i = rs.findColumn(col);
                columns.put(col, i);
            }
            return i;
        }

        public String string(String col) throws SQLException {
            return rs.getString(index(col));
        }

        public java.util.UUID uuid(String col) throws SQLException {
            return rs.getObject(index(col), java.util.UUID.class);
        }

        public int integer(String col) throws SQLException {
            return rs.getInt(index(col));
        }

        public Integer nullableInt(String col) throws SQLException {
            int v = rs.getInt(index(col));
            return rs.wasNull() ? null : v;
        }

        public long longValue(String col) throws SQLException {
            return rs.getLong(index(col));
        }

        public long longAt(int index) throws SQLException {
            return rs.getLong(index);
        }

        public Double nullableDouble(String col) throws SQLException {
            double v = rs.getDouble(index(col));
            return rs.wasNull() ? null : v;
        }

        public boolean bool(String col) throws SQLException {
            return rs.getBoolean(index(col));
        }

        public java.time.Instant instant(String col) throws SQLException {
            java.time.OffsetDateTime t = rs.getObject(index(col), java.time.OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
    }
}
