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

    /** Runs {@code work} on one auto-commit connection. */
    public <T> T withHandle(Function<Handle, T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(new Handle(c, queryTimeoutSeconds, listener));
        } catch (SQLException e) {
            throw DataAccessException.translate("getConnection", e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Function<Handle, T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(new Handle(c, queryTimeoutSeconds, listener));
                c.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("transaction", e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
