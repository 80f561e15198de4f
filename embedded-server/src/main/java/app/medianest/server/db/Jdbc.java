package app.medianest.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Small JDBC helper over the pool: auto-commit single statements, or a function run in one transaction.
 * Repositories use this instead of touching {@link Connection}s.
 */
public final class Jdbc {
    private final DataSource dataSource;
    private final Dialect dialect;
    private final int queryTimeoutSeconds;
    private volatile QueryListener listener = QueryListener.NONE;
    /** For an H2 file database: waits until a committed write is on disk before it is acknowledged. */
    private volatile H2Durability durability;
    private volatile DbCircuit circuit = new DbCircuit();

    public Jdbc(DataSource dataSource, Dialect dialect, int queryTimeoutSeconds) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Installs the statement timer (metrics, slow-query log). */
    public void listener(QueryListener listener) {
        this.listener = listener == null ? QueryListener.NONE : listener;
    }

    void circuit(DbCircuit circuit) {
        this.circuit = circuit;
    }

    /** Whether the database is known to be unreachable right now. */
    public DbCircuit circuit() {
        return circuit;
    }

    void durability(H2Durability durability) {
        this.durability = durability;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return withHandle(h -> h.query(sql, mapper, params));
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        return withHandle(h -> h.queryOne(sql, mapper, params));
    }

    public long queryLong(String sql, Object... params) {
        return withHandle(h -> h.queryLong(sql, params));
    }

    public int update(String sql, Object... params) {
        return withHandle(h -> h.update(sql, params));
    }

    /**
     * Runs {@code work} on one auto-commit connection; returns once any write it made is durable. A read that
     * fails on a broken connection is tried once more on a fresh one.
     */
    public <T> T withHandle(Function<Handle, T> work) {
        for (int attempt = 1; ; attempt++) {
            circuit.check();
            Handle h = null;
            try {
                T result;
                try (Connection c = connect()) {
                    h = new Handle(c, queryTimeoutSeconds, listener);
                    result = work.apply(h);
                } catch (SQLException e) {
                    throw failure("close", e);
                }
                if (h.wrote()) {
                    awaitDurable();
                }
                return result;
            } catch (DataAccessException e) {
                if (e instanceof DatabaseUnavailableException || !DbCircuit.isConnectionFailure(e)) {
                    throw e;
                }
                if (attempt == 1 && h != null && !h.wrote()) {
                    continue;
                }
                circuit.trip(rootMessage(e));
                throw circuit.unavailable(e);
            }
        }
    }

    private Connection connect() {
        try {
            if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hds
                    && hds.getHikariPoolMXBean() instanceof com.zaxxer.hikari.pool.HikariPool pool) {
                return acquire(pool, hds.getConnectionTimeout());
            }
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw failure("getConnection", e);
        }
    }

    /**
     * Waits for a pooled connection up to the acquire timeout in short slices, so a wait ends as soon as the
     * circuit opens (the database went away) instead of after the whole timeout.
     */
    private Connection acquire(com.zaxxer.hikari.pool.HikariPool pool, long timeoutMs) throws SQLException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            try {
                return pool.getConnection(Math.max(1, Math.min(250, left)));
            } catch (java.sql.SQLTransientConnectionException e) {
                if (circuit.isOpen()) {
                    throw circuit.unavailable(e);
                }
                if (e.getCause() instanceof SQLException cause && DbCircuit.isConnectionFailure(cause)) {
                    throw e;   // the pool could not connect: the database is unreachable
                }
                if (deadline - System.nanoTime() <= 0) {
                    throw e;
                }
            }
        }
    }

    private DataAccessException failure(String what, SQLException e) {
        if (DbCircuit.isConnectionFailure(e)) {
            circuit.trip(rootMessage(e));
            return circuit.unavailable(e);
        }
        return DataAccessException.translate(what, e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private void awaitDurable() {
        H2Durability d = durability;
        if (d != null) {
            d.awaitDurable();
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns (and, if it wrote, durable when this
     * returns), rolled back when it throws.
     */
    public <T> T inTransaction(Function<Handle, T> work) {
        circuit.check();
        T result;
        Handle h;
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                h = new Handle(c, queryTimeoutSeconds, listener);
                result = work.apply(h);
                c.commit();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // a broken connection: the pool discards it (and resets auto-commit on a healthy one)
                }
            }
        } catch (SQLException e) {
            throw failure("transaction", e);
        } catch (DataAccessException e) {
            if (e instanceof DatabaseUnavailableException || !DbCircuit.isConnectionFailure(e)) {
                throw e;
            }
            circuit.trip(rootMessage(e));
            throw circuit.unavailable(e);
        }
        if (h.wrote()) {
            awaitDurable();
        }
        return result;
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
