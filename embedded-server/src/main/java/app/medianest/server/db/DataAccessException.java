package app.medianest.server.db;

import java.sql.SQLException;

/** An unexpected database failure. Constraint violations the API maps to 409 are {@link ConstraintViolation}s. */
public class DataAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Wraps {@code e}, turning unique/foreign-key/check violations into {@link ConstraintViolation}. */
    static DataAccessException translate(String sqlShape, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("23")) {
            return new ConstraintViolation(state, e);
        }
        return new DataAccessException("database error (" + state + ") in: " + sqlShape, e);
    }

    /** A violated integrity constraint (SQLSTATE class 23): unique, foreign key, check or not-null. */
    public static final class ConstraintViolation extends DataAccessException {
        private static final long serialVersionUID = 1L;
        private final String sqlState;

        ConstraintViolation(String sqlState, SQLException cause) {
            super("constraint violated (" + sqlState + ")", cause);
            this.sqlState = sqlState;
        }

        /** True for a unique-key violation (SQLSTATE 23505 on both H2 and PostgreSQL). */
        public boolean isUnique() {
            return "23505".equals(sqlState);
        }

        /** True when the message of the driver names {@code constraint} (case-insensitive). */
        public boolean mentions(String constraint) {
            String msg = getCause().getMessage();
            return msg != null && msg.toLowerCase(java.util.Locale.ROOT).contains(constraint.toLowerCase(
                    java.util.Locale.ROOT));
        }
    }
}
