package app.medianest.server.db;

/** The database cannot be reached right now: answered 503 {@code DATABASE_UNAVAILABLE}, never 500. */
public final class DatabaseUnavailableException extends DataAccessException {
    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
