package app.medianest.server.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether the database is reachable. A connection failure (no connection within the pool's wait, a broken or
 * refused connection, a terminated backend) opens the circuit: requests then fail at once with
 * {@link DatabaseUnavailableException} instead of each waiting for the pool's acquire timeout. A background
 * probe ({@link PgProbe}) closes it again as soon as the database answers.
 */
public final class DbCircuit {
    private static final System.Logger LOG = System.getLogger(DbCircuit.class.getName());

    private final boolean probed;
    private volatile boolean open;

    /** A circuit that never opens (no probe would close it again): failures are still answered 503. */
    public DbCircuit() {
        this(false);
    }

    DbCircuit(boolean probed) {
        this.probed = probed;
    }
    private volatile String reason = "";
    private volatile Runnable onOpen = () -> { };
    private volatile Runnable onClose = () -> { };

    private volatile Runnable afterRecovery = () -> { };

    /** Runs after the circuit closed again (on the probe's thread). */
    void onRecovered(Runnable action) {
        this.afterRecovery = action;
    }

    /** Actions when the circuit opens and closes (the pool stops and resumes refilling itself). */
    void onChange(Runnable opened, Runnable closed) {
        this.onOpen = opened;
        this.onClose = closed;
    }

    /** True while the database is known to be unreachable. */
    public boolean isOpen() {
        return open;
    }

    /** Throws when the circuit is open. */
    void check() {
        if (open) {
            throw unavailable(null);
        }
    }

    DatabaseUnavailableException unavailable(Throwable cause) {
        return new DatabaseUnavailableException("the database is unavailable (" + reason + ")", cause);
    }

    void trip(String why) {
        if (probed && !open) {
            reason = why;
            open = true;
            onOpen.run();
            LOG.log(System.Logger.Level.WARNING, "Database unreachable ({0}): answering 503 until it is back", why);
        }
    }

    void recover() {
        if (open) {
            onClose.run();
            open = false;
            LOG.log(System.Logger.Level.INFO, "Database reachable again");
            afterRecovery.run();
        }
    }

    /**
     * True for a failure of the connection rather than of the statement: the pool's timeout, SQLSTATE class 08
     * (connection exception), 57P01-57P03 (terminated by the administrator, crash shutdown, cannot connect now).
     */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String st = s.getSQLState();
                if (st.startsWith("08") || st.equals("57P01") || st.equals("57P02") || st.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
