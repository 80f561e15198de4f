package app.medianest.server.db;

import app.medianest.server.config.DbConfig;

/** The few SQL differences between H2 and PostgreSQL. Everything else, including the schema, is shared. */
public enum Dialect {
    H2,
    POSTGRESQL;

    static Dialect of(DbConfig.Kind kind) {
        return kind == DbConfig.Kind.POSTGRESQL ? POSTGRESQL : H2;
    }

    /** Statement run on every new connection to set the server-side statement timeout. */
    String statementTimeoutSql(long millis) {
        return this == POSTGRESQL
                ? "SET statement_timeout = " + millis
                : "SET QUERY_TIMEOUT " + millis;
    }

    /**
     * An upsert of {@code columns} into {@code table} keyed by {@code key}: PostgreSQL's
     * {@code INSERT ... ON CONFLICT}, H2's {@code MERGE ... KEY}. Names come from code, never from input.
     */
    public String upsert(String table, String key, String... columns) {
        String cols = String.join(", ", columns);
        String marks = String.join(", ", java.util.Collections.nCopies(columns.length, "?"));
        if (this == H2) {
            return "MERGE INTO " + table + " (" + cols + ") KEY (" + key + ") VALUES (" + marks + ")";
        }
        StringBuilder set = new StringBuilder();
        for (String c : columns) {
            if (!c.equals(key)) {
                set.append(set.isEmpty() ? "" : ", ").append(c).append(" = EXCLUDED.").append(c);
            }
        }
        return "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ") ON CONFLICT (" + key
                + ") DO UPDATE SET " + set;
    }
}
