package app.medianest.server.db;

import org.h2.api.DatabaseEventListener;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;

import java.sql.SQLException;

/**
 * Makes H2 refuse to open a database whose schema it cannot rebuild. While opening, H2 replays the stored
 * definitions of every table, index and constraint; when one fails (a table whose pages are missing after a
 * damaged write, "Chunk N not found"), H2 2.x only writes it to its trace file and opens the database without
 * that table, so the server would start with data silently missing. This listener, named in the JDBC URL
 * ({@code DATABASE_EVENT_LISTENER}), turns any such failure before the database is open into H2's
 * "file corrupted" error, which the start-up integrity check reports with the latest good backup.
 * After the database is open it changes nothing.
 */
public final class H2OpenCheck implements DatabaseEventListener {
    private volatile boolean open;

    @Override
    public void opened() {
        open = true;
    }

    @Override
    public void exceptionThrown(SQLException e, String sql) {
        if (!open) {
            throw DbException.get(ErrorCode.FILE_CORRUPTED_1, e,
                    "a stored definition could not be rebuilt (" + e.getMessage() + ")");
        }
    }
}
