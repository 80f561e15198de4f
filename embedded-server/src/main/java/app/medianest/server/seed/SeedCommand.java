package app.medianest.server.seed;

import app.medianest.server.config.DbConfig;
import app.medianest.server.config.ServerConfig;
import app.medianest.server.db.Database;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;

/** {@code seed --users N --requests M [--downloads K] [--append] [--password P] [--random-seed S]}. */
public final class SeedCommand {
    private SeedCommand() {
    }

    public static int run(ServerConfig config, String[] args, PrintStream out) {
        SeedPlan plan = SeedPlan.parse(args);
        Database db = Database.open(bulk(config.db()), app.medianest.server.backup.Backups.dir(config));
        try {
            long start = System.nanoTime();
            Seeder.Result r = new Seeder(db.jdbc(), Clock.systemUTC()).seed(plan);
            double secs = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "Seeded %,d users, %,d requests, %,d downloads, %,d notifications into %s in "
                            + "%.1f s (%,.0f rows/s)%n", r.users(), r.requests(), r.downloads(), r.notifications(),
                    config.db().safeUrl(), secs, (r.users() + r.requests() + r.downloads() + r.notifications()) / secs);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        // Bulk inserts leave the H2 file mostly garbage (each store rewrites the touched index pages): a full
        // compaction shrinks it to its live data before the server uses it.
        long compactStart = System.nanoTime();
        db.closeCompacted();
        db.h2File().filter(java.nio.file.Files::exists).ifPresent(f -> {
            try {
                out.printf(Locale.ROOT, "Database file %s: %.1f MB (compacted in %.1f s)%n", f,
                        java.nio.file.Files.size(f) / 1e6, (System.nanoTime() - compactStart) / 1e9);
            } catch (java.io.IOException e) {
                out.println("Database file " + f + ": size unknown (" + e.getMessage() + ")");
            }
        });
        return 0;
    }

    /**
     * The database settings for bulk loading: on PostgreSQL the driver sends each JDBC batch as multi-row
     * inserts ({@code reWriteBatchedInserts}), one round trip per few hundred rows instead of one per row.
     */
    static DbConfig bulk(DbConfig db) {
        if (db.kind() != DbConfig.Kind.POSTGRESQL || db.url().contains("reWriteBatchedInserts")) {
            return db;
        }
        String url = db.url() + (db.url().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        return new DbConfig(url, db.user(), db.password(), db.poolMax(), db.poolMinIdle(), db.acquireTimeout(),
                db.statementTimeout(), db.queryTimeout());
    }
}
