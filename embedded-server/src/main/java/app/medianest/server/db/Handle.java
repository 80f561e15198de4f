package app.medianest.server.db;

import app.medianest.model.WireEnum;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One borrowed connection. All SQL goes through here, so parameter binding, the query timeout and
 * statement timing live in one place. SQL text is always a constant of the calling repository: values are
 * bound as parameters, never concatenated.
 */
public final class Handle {
    private final Connection connection;
    /** The JDBC query timeout set on every statement; 0: none (H2 has it on the connection). */
    private final int queryTimeoutSeconds;
    private final QueryListener listener;
    private boolean wrote;

    Handle(Connection connection, int queryTimeoutSeconds, QueryListener listener) {
        this.connection = connection;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
        this.listener = listener;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        if (!isRead(sql)) {
            wrote = true;
        }
        long start = System.nanoTime();
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            RowMapper.Row row = new RowMapper.Row(rs);
            while (rs.next()) {
                out.add(mapper.map(row));
            }
            return out;
        } catch (SQLException e) {
            throw DataAccessException.translate(sql, e);
        } finally {
            listener.executed(sql, System.nanoTime() - start);
        }
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    public long queryLong(String sql, Object... params) {
        return queryOne(sql, r -> r.longAt(1), params).orElse(0L);
    }

    public int update(String sql, Object... params) {
        wrote = true;
        long start = System.nanoTime();
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw DataAccessException.translate(sql, e);
        } finally {
            listener.executed(sql, System.nanoTime() - start);
        }
    }

    /** Runs {@code sql} once per parameter row as one JDBC batch; returns the total update count. */
    public int batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        wrote = true;
        long start = System.nanoTime();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (queryTimeoutSeconds > 0) {
                ps.setQueryTimeout(queryTimeoutSeconds);
            }
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            int total = 0;
            for (int n : ps.executeBatch()) {
                total += Math.max(n, 0);
            }
            return total;
        } catch (SQLException e) {
            throw DataAccessException.translate(sql, e);
        } finally {
            listener.executed(sql, System.nanoTime() - start);
        }
    }

    /** The underlying connection, for the few operations (EXPLAIN, DDL in tests) the helpers do not cover. */
    public Connection connection() {
        wrote = true;
        return connection;
    }

    private static boolean isRead(String sql) {
        String s = sql.stripLeading();
        return (s.regionMatches(true, 0, "SELECT", 0, 6) || s.regionMatches(true, 0, "WITH", 0, 4)
                || s.regionMatches(true, 0, "EXPLAIN", 0, 7)) && !s.toUpperCase(java.util.Locale.ROOT).contains("FOR UPDATE");
    }

    /** True once this handle ran a statement that may have changed data. */
    boolean wrote() {
        return wrote;
    }

    private PreparedStatement prepare(String sql, Object[] params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            if (queryTimeoutSeconds > 0) {
                ps.setQueryTimeout(queryTimeoutSeconds);
            }
            bind(ps, params);
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            switch (p) {
                case null -> ps.setObject(i + 1, null);
                case Instant t -> ps.setObject(i + 1, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
                case WireEnum e -> ps.setString(i + 1, e.wire());
                default -> ps.setObject(i + 1, p);
            }
        }
    }
}
