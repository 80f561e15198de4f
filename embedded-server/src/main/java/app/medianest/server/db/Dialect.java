package app.medianest.server.db;

import app.medianest.server.config.DbConfig;

/** The few SQL differences between H2 and PostgreSQL. Everything else, including the schema, is shared. */
public enum Dialect {
    H2,
    POSTGRESQL;

    static Dialect of(DbConfig.Kind kind) {
        return kind == DbConfig.Kind.POSTGRESQL ? POSTGRESQL : H2;
    }

    /**
     * Statement run once on every new connection to set its timeouts. PostgreSQL: the server-side
     * {@code statement_timeout} (the JDBC query timeout is set on each statement besides, a client-side guard).
     * H2 embedded: both timeouts are one and the same session setting, so the connection gets the shorter of the
     * two here and statements get none (see {@link #perStatementTimeout()}).
     */
    String timeoutSql(DbConfig config) {
        long statement = config.statementTimeout().toMillis();
        return this == POSTGRESQL
                ? "SET statement_timeout = " + statement
                : "SET QUERY_TIMEOUT " + Math.min(statement, Math.max(1_000, config.queryTimeout().toMillis()));
    }

    /**
     * Whether each statement gets the JDBC query timeout. Not on H2: its {@code setQueryTimeout} runs
     * {@code SET QUERY_TIMEOUT}, which changes the database's schema version, so every connection's cached
     * statements are parsed again on their next use (a third of a portal page's time went to parsing SQL).
     */
    boolean perStatementTimeout() {
        return this == POSTGRESQL;
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
