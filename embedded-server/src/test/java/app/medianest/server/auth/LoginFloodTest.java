package app.medianest.server.auth;

import app.medianest.server.testing.Accounts;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 3, acceptance 5: 1,000 wrong sign-ins from one address: everything past the limit gets 429 with
 * Retry-After, and a legitimate user's requests meanwhile keep their normal latency (printed).
 */
class LoginFloodTest {
    @Test
    void floodIsCutOffCheaplyAndOthersAreNotSlowedDown() throws Exception {
        try (TestDatabase db = TestDatabase.create(DbKind.H2); TestServer server = TestServer.start(db)) {
            String token = Accounts.setupAdmin(server, "admin");
            double[] quiet = sessionLatencies(server, token, 300);

            ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<String> retryAfter = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> attackers = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();
            for (int t = 0; t < 4; t++) {
                attackers.add(Thread.ofVirtual().start(() -> {
                    while (next.getAndIncrement() < 1_000) {
                        var r = server.post("/api/v1/auth/login",
                                "{\"username\":\"admin\",\"password\":\"guess-" + next.get() + "\"}");
                        statuses.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
                        if (r.status() == 429) {
                            retryAfter.add(r.header("Retry-After"));
                        }
                    }
                }));
            }
            double[] during = sessionLatencies(server, token, 300);
            for (Thread t : attackers) {
                t.join();
            }
            int tooMany = statuses.getOrDefault(429, new AtomicInteger()).get();
            int wrong = statuses.getOrDefault(401, new AtomicInteger()).get();
            System.out.printf(Locale.ROOT, "1,000 wrong sign-ins: %d x 401, %d x 429, other %s%n", wrong, tooMany,
                    statuses);
            System.out.printf(Locale.ROOT, "legitimate GET /auth/session: quiet p50 %.2f ms p95 %.2f ms | during the "
                    + "flood p50 %.2f ms p95 %.2f ms%n", quiet[0], quiet[1], during[0], during[1]);
            assertTrue(wrong <= 5 + 4, "at most the allowed failures (plus in-flight ones) are checked: " + wrong);
            assertEquals(1_000, wrong + tooMany, "every attempt is 401 or 429: " + statuses);
            assertNotNull(retryAfter.getFirst());
            assertTrue(Integer.parseInt(retryAfter.getFirst()) > 0);
            var blocked = server.post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\""
                    + Accounts.PASSWORD + "\"}");
            assertEquals(429, blocked.status(), "even the right password waits out the window");
            assertEquals("RATE_LIMITED", blocked.errorCode());
        }
    }

    /** p50 and p95 in ms of {@code n} sequential session checks. */
    private static double[] sessionLatencies(TestServer server, String token, int n) {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            var r = server.get("/api/v1/auth/session", Accounts.bearer(token));
            ms[i] = (System.nanoTime() - t) / 1e6;
            assertEquals(200, r.status());
        }
        Arrays.sort(ms);
        return new double[] {ms[n / 2], ms[(int) (n * 0.95)]};
    }
}
