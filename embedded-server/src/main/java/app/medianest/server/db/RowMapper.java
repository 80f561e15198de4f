package app.medianest.server.db;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps the current row of a result set to a value. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(Row row) throws SQLException;

    /** Typed column access over a {@link ResultSet}, with the conversions MediaNest needs on both databases. */
    final class Row {
        private final ResultSet rs;

        Row(ResultSet rs) {
            this.rs = rs;
        }

        public String string(String col) throws SQLException {
            return rs.getString(col);
        }

        public java.util.UUID uuid(String col) throws SQLException {
            return rs.getObject(col, java.util.UUID.class);
        }

        public int integer(String col) throws SQLException {
            return rs.getInt(col);
        }

        public Integer nullableInt(String col) throws SQLException {
            int v = rs.getInt(col);
            return rs.wasNull() ? null : v;
        }

        public long longValue(String col) throws SQLException {
            return rs.getLong(col);
        }

        public long longAt(int index) throws SQLException {
            return rs.getLong(index);
        }

        public Double nullableDouble(String col) throws SQLException {
            double v = rs.getDouble(col);
            return rs.wasNull() ? null : v;
        }

        public boolean bool(String col) throws SQLException {
            return rs.getBoolean(col);
        }

        public java.time.Instant instant(String col) throws SQLException {
            java.time.OffsetDateTime t = rs.getObject(col, java.time.OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
    }
}
