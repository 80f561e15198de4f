package app.medianest.server.db;

/** Another MediaNest server already uses this database: start-up stops with one line (exit code 2). */
public final class DatabaseInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseInUseException(String message) {
        super(message);
    }
}
