package app.medianest.server.db;

import app.medianest.server.config.DbConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Watches PostgreSQL on its own connection (outside the pool, short timeouts): {@code SELECT 1} every 500 ms,
 * every 200 ms while the circuit is open. Opens the circuit when the database stops answering (so readiness
 * reports it within a second, with no request having to wait) and closes it when it answers again.
 */
final class PgProbe implements AutoCloseable {
    private final DbConfig config;
    private final DbCircuit circuit;
    private final Thread thread;
    private volatile boolean stopped;
    private Connection connection;

    PgProbe(DbConfig config, DbCircuit circuit) {
        this.config = config;
        this.circuit = circuit;
        this.thread = Thread.ofPlatform().name("medianest-db-probe").daemon().start(this::loop);
    }

    private void loop() {
        while (!stopped) {
            boolean ok = probe();
            if (stopped) {
                break;
            }
            if (ok) {
                circuit.recover();
            } else {
                circuit.trip("no answer to the health probe");
            }
            try {
                Thread.sleep(circuit.isOpen() ? 200 : 500);
            } catch (InterruptedException e) {
                return;
            }
        }
        closeConnection();
    }

    private boolean probe() {
        try {
            if (connection == null) {
                Properties p = new Properties();
                p.setProperty("user", config.user());
                p.setProperty("password", config.password());
                p.setProperty("connectTimeout", "1");
                p.setProperty("socketTimeout", "2");
                p.setProperty("ApplicationName", "medianest-probe");
                connection = DriverManager.getConnection(config.url(), p);
            }
            try (Statement st = connection.createStatement()) {
                st.setQueryTimeout(1);
                st.execute("SELECT 1");
            }
            return true;
        } catch (SQLException e) {
            closeConnection();
            return false;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // broken anyway
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
