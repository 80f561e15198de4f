package app.medianest.server.db;

import app.medianest.server.config.DbConfig;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A crash in the middle of an H2 commit (after the transaction's undo log was marked committed, before its rows
 * were rewritten as committed) must not leave rows that can never be updated again. Found by the crash check:
 * after such a kill the restarted server's first sign-in updated the admin's row and looped inside H2 for good,
 * at 100 % of a core. The crash image is made the way it happens: the first half of a commit, the file stored,
 * the database stopped without any cleanup ({@code SHUTDOWN IMMEDIATELY}).
 */
class H2LeftoversTest {
    private static final String OPTIONS = ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE";

    @TempDir
    Path dir;

    @Test
    void aRowWhoseCommitACrashInterruptedCanBeUpdatedAgainAndKeepsTheCommittedValue() throws Exception {
        Path image = crashImageOfAnInterruptedCommit();
        Path plain = copy(image, "plain");
        Path served = copy(image, "served");

        // H2 on its own reopens the file with the transaction still registered as committed: the state in which
        // every update of its row loops forever.
        try (Connection c = DriverManager.getConnection(url(plain), "sa", "")) {
            assertEquals(1, halfCommitted(c), "the crash image holds one half-committed transaction");
        }

        try (Database db = Database.open(config(served), null)) {
            try (Connection c = db.pool().getConnection()) {
                assertEquals(0, halfCommitted(c), "opening the database finishes the interrupted commit");
            }
            assertEquals("committed", value(db), "the transaction had committed: its value is kept");
            // On a daemon thread: if the row were still half committed, this update would never return.
            CompletableFuture<Integer> update = new CompletableFuture<>();
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    update.complete(db.jdbc().update("UPDATE t SET v = 'updated' WHERE id = 1"));
                } catch (RuntimeException e) {
                    update.completeExceptionally(e);
                }
            });
            assertEquals(1, update.get(10, TimeUnit.SECONDS), "the update of the row completes");
            assertEquals("updated", value(db));
            assertEquals("untouched", db.jdbc().query("SELECT v FROM t WHERE id = 2", r -> r.string("v")).getFirst());
        }
    }

    /**
     * A MediaNest database file as a crash leaves it between the two steps of a commit of
     * {@code UPDATE t ... id = 1}.
     */
    private Path crashImageOfAnInterruptedCommit() throws Exception {
        Path live = dir.resolve("live");
        String url = url(live);
        Database.open(config(live), null).close();
        try (Connection setup = DriverManager.getConnection(url, "sa", "");
             Statement st = setup.createStatement();
             Connection writer = DriverManager.getConnection(url, "sa", "")) {
            st.execute("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))");
            st.execute("INSERT INTO t VALUES (1, 'before'), (2, 'untouched')");
            writer.setAutoCommit(false);
            try (Statement w = writer.createStatement()) {
                assertEquals(1, w.executeUpdate("UPDATE t SET v = 'committed' WHERE id = 1"));
            }
            // The first step of TransactionStore.commit: the undo log's "committed" marker.
            SessionLocal session = (SessionLocal) writer.unwrap(JdbcConnection.class).getSession();
            Transaction tx = session.getTransaction();
            TransactionStore store = session.getDatabase().getStore().getTransactionStore();
            Method mark = TransactionStore.class.getDeclaredMethod("markUndoLogAsCommitted", int.class, long.class);
            mark.setAccessible(true);
            mark.invoke(store, tx.getId(), 1L);
            st.execute("CHECKPOINT SYNC");
            st.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException closedByTheShutdown) {
            // closing connections of a database that was shut down
        }
        return live;
    }

    private static int halfCommitted(Connection c) throws SQLException {
        TransactionStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase()
                .getStore().getTransactionStore();
        return (int) store.getOpenTransactions().stream()
                .filter(t -> t.getStatus() == Transaction.STATUS_COMMITTED).count();
    }

    private static String value(Database db) {
        return db.jdbc().query("SELECT v FROM t WHERE id = 1", r -> r.string("v")).getFirst();
    }

    private Path copy(Path from, String name) throws Exception {
        Path to = Files.createDirectories(dir.resolve(name));
        Files.copy(from.resolve("medianest.mv.db"), to.resolve("medianest.mv.db"));
        return to;
    }

    private static DbConfig config(Path dir) {
        return new DbConfig(url(dir), "sa", "", 2, 1, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(15));
    }

    private static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("medianest") + OPTIONS;
    }
}
