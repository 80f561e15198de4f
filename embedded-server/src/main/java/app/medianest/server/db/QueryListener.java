package app.medianest.server.db;

/** Told about every executed statement (by its SQL text, which never contains values) and its duration. */
@FunctionalInterface
public interface QueryListener {
    QueryListener NONE = (sql, nanos) -> { };

    void executed(String sql, long nanos);
}
