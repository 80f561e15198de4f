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

    /** Runs {@code work} on one auto-commit connection; returns once any write it made is durable. */
    public <T> T withHandle(Function<Handle, T> work) {
        Handle h = null;
        T result;
        try (Connection c = dataSource.getConnection()) {
            h = new Handle(c, queryTimeoutSeconds, listener);
            result = work.apply(h);
        } catch (SQLException e) {
            throw DataAccessException.translate("getConnection", e);
        } finally {
            if (h != null && h.wrote()) {
                awaitDurable();
            }
        }
        return result;
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
        T result;
        Handle h;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                h = new Handle(c, queryTimeoutSeconds, listener);
                result = work.apply(h);
                c.commit();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("transaction", e);
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
