package app.medianest.server.db;

import app.medianest.server.config.DbConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * One MediaNest server per PostgreSQL database and schema: a session-level advisory lock
 * ({@code pg_try_advisory_lock}) held on a dedicated connection for the server's life. A second server is
 * refused at start; the lock goes away with the first server's connection (also when it is killed).
 */
final class PgServerLock implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PgServerLock.class.getName());
    /** The first key of the lock: "MN"; the second is a hash of the schema, so schemas do not collide. */
    private static final int KEY = 0x4D4E;

    private final DbConfig config;
    private Connection connection;

    private PgServerLock(DbConfig config) {
        this.config = config;
    }

    /** Takes the lock or throws {@link DatabaseInUseException}. */
    static PgServerLock acquire(DbConfig config) {
        PgServerLock lock = new PgServerLock(config);
        try {
            if (!lock.tryLock()) {
                lock.close();
                throw new DatabaseInUseException("another MediaNest server is already running on the PostgreSQL "
                        + "database " + config.safeUrl() + " (advisory lock held); stop it first - one database "
                        + "serves one MediaNest server");
            }
        } catch (SQLException e) {
            lock.close();
            throw new DataAccessException("cannot take the server lock on PostgreSQL: " + e.getMessage(), e);
        }
        return lock;
    }

    private synchronized boolean tryLock() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Properties p = new Properties();
            p.setProperty("user", config.user());
            p.setProperty("password", config.password());
            p.setProperty("connectTimeout", "5");
            p.setProperty("ApplicationName", "medianest-server-lock");
            connection = DriverManager.getConnection(config.url(), p);
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ", hashtext(current_schema()))")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** After the database came back: the old connection (and its lock) may be gone; take it again. */
    synchronized void renew() {
        try {
            if (connection != null && connection.isValid(1)) {
                return;
            }
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // broken
                }
                connection = null;
            }
            if (!tryLock()) {
                LOG.log(System.Logger.Level.ERROR, "Another MediaNest server took this PostgreSQL database while "
                        + "the connection was down; stop one of them");
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not renew the server lock: {0}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();   // ends the session, and with it the lock
            } catch (SQLException ignored) {
                // closing anyway
            }
            connection = null;
        }
    }
}
