package app.medianest.server.db;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Finishes the transactions a crash interrupted in the middle of their commit, which H2 2.5 leaves half done.
 *
 * <p>H2 commits in two steps: it marks the transaction's undo log "committed", then rewrites each changed row as
 * committed and clears the log. A file stored between the two steps (a kill, a power cut) reopens with the
 * transaction registered as committed and its rows still marked as changed by it. H2's own recovery
 * ({@code TransactionStore.endLeftoverTransactions}) calls {@code Transaction.commit()}, which in 2.5 does nothing
 * for a transaction already in the committed state: the rows stay marked, and every later update of one of them
 * loops forever inside H2 (the lock check waits for the committed transaction to end, which returns at once and
 * is retried), burning a core and never answering. On MediaNest's hot rows (a user's row, updated at every
 * sign-in and request) that makes the server unusable after such a crash.
 *
 * <p>Run on a connection right after the database opened and before anything writes, this does what H2's
 * recovery is meant to do: rewrites the transaction's rows as committed from its undo log
 * ({@code TransactionStore.commit(tx, recovery = true)}), ends the transaction, and writes the result to disk.
 * The two methods are package-private in H2, hence the reflection; when they are not there (another H2
 * version) nothing is changed and a warning says so.
 */
final class H2Leftovers {
    private static final System.Logger LOG = System.getLogger(H2Leftovers.class.getName());

    private H2Leftovers() {
    }

    /**
     * Finishes every half-committed transaction of the database behind {@code connection}.
     *
     * @return how many were finished
     */
    static int finish(Connection connection) throws SQLException {
        if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return 0;   // an H2 server over TCP (jdbc:h2:tcp://): its own process opened the file
        }
        TransactionStore store = session.getDatabase().getStore().getTransactionStore();
        List<Transaction> leftovers = store.getOpenTransactions().stream()
                .filter(t -> t.getStatus() == Transaction.STATUS_COMMITTED).toList();
        if (leftovers.isEmpty()) {
            return 0;
        }
        Method commit;
        Method end;
        try {
            commit = TransactionStore.class.getDeclaredMethod("commit", Transaction.class, boolean.class);
            end = TransactionStore.class.getDeclaredMethod("endTransaction", Transaction.class, boolean.class);
            commit.setAccessible(true);
            end.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "H2: " + leftovers.size() + " transaction(s) interrupted during"
                    + " their commit could not be finished with this H2 version (" + e + "); updates of their"
                    + " rows may hang");
            return 0;
        }
        for (Transaction t : leftovers) {
            try {
                commit.invoke(store, t, true);
                end.invoke(store, t, true);
            } catch (InvocationTargetException e) {
                throw new SQLException("H2: finishing transaction " + t.getId() + " failed", e.getCause());
            } catch (IllegalAccessException e) {
                throw new SQLException("H2: finishing transaction " + t.getId() + " failed", e);
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute("CHECKPOINT SYNC");
        }
        LOG.log(System.Logger.Level.WARNING, "H2: finished " + leftovers.size() + " transaction(s) that a crash"
                + " interrupted during their commit");
        return leftovers.size();
    }
}
