package app.medianest.server.seed;

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
        try (Database db = Database.open(config.db(), config.dataDir())) {
            long start = System.nanoTime();
            Seeder.Result r = new Seeder(db.jdbc(), Clock.systemUTC()).seed(plan);
            double secs = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "Seeded %,d users, %,d requests, %,d downloads, %,d notifications into %s in "
                            + "%.1f s (%,.0f rows/s)%n", r.users(), r.requests(), r.downloads(), r.notifications(),
                    config.db().safeUrl(), secs, (r.users() + r.requests() + r.downloads() + r.notifications()) / secs);
        }
        return 0;
    }
}
