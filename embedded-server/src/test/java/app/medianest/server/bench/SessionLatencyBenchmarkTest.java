package app.medianest.server.bench;

import app.medianest.server.testing.Accounts;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.MiniLoad;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 3, acceptance 6: {@code GET /api/v1/auth/session} next to the bare {@code /health} route, same
 * server, same run, 8 concurrent closed-loop clients. Prints the ratios (target: within 1.3x).
 */
class SessionLatencyBenchmarkTest {
    @Test
    void sessionRouteCostsAboutWhatABareRouteCosts() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2); TestServer server = TestServer.start(db)) {
            String token = Accounts.setupAdmin(server, "admin");
            MiniLoad.run("warm-up", server.url("/health"), 8, Duration.ofSeconds(3));
            MiniLoad.run("warm-up", server.url("/api/v1/auth/session"), 8, Duration.ofSeconds(3),
                    Accounts.bearer(token));
            // Alternating short rounds, so drift in machine load hits both routes alike; medians of the rounds.
            int rounds = 5;
            double[] p50 = new double[rounds];
            double[] p99 = new double[rounds];
            double[] tput = new double[rounds];
            MiniLoad.Result bare = null;
            MiniLoad.Result session = null;
            for (int i = 0; i < rounds; i++) {
                bare = MiniLoad.run("GET /health (bare)", server.url("/health"), 8, Duration.ofSeconds(2));
                session = MiniLoad.run("GET /api/v1/auth/session", server.url("/api/v1/auth/session"), 8,
                        Duration.ofSeconds(2), Accounts.bearer(token));
                System.out.println(bare);
                System.out.println(session);
                p50[i] = session.p50() / bare.p50();
                p99[i] = session.p99() / bare.p99();
                tput[i] = bare.throughput() / session.throughput();
                assertEquals(0, session.errors() + bare.errors(), "no errors under load");
            }
            java.util.Arrays.sort(p50);
            java.util.Arrays.sort(p99);
            java.util.Arrays.sort(tput);
            System.out.printf(Locale.ROOT, "auth/session vs bare route (median of %d alternating rounds): p50 %.2fx, "
                    + "p99 %.2fx, throughput %.2fx (target <= 1.3x)%n", rounds, p50[rounds / 2], p99[rounds / 2],
                    tput[rounds / 2]);
        }
    }
}
