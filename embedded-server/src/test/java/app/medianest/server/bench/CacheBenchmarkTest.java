package app.medianest.server.bench;

import app.medianest.server.flags.FeatureFlags;
import app.medianest.server.seed.SeedPlan;
import app.medianest.server.seed.Seeder;
import app.medianest.server.testing.Accounts;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Acceptance benchmark of issue 6 (prints, does not assert timings): each cached endpoint with its caches
 * switched off, then on one by one, in the same run on the same server, in alternating rounds (see
 * {@link HttpLoad.Comparison}). Ratios are against "caches off". The database holds 200 users and 20,000
 * requests (seeded), and the signed-in user is the one with the most requests, as on a family's real install.
 *
 * <p>To add an endpoint, add it to {@link #endpoints} (and its flags to {@link #CONFIGS}).
 */
class CacheBenchmarkTest {
    private static final int WORKERS = 4;
    private static final Duration ROUND = Duration.ofMillis(600);
    private static final int ROUNDS = 4;
    private static final String BASELINE = "caches off";

    /** Flag settings compared; the first is the baseline. */
    private static final Map<String, Map<String, Boolean>> CONFIGS = new LinkedHashMap<>();

    static {
        CONFIGS.put(BASELINE, Map.of(FeatureFlags.SESSION_CACHE, false, FeatureFlags.RESPONSE_CACHE, false));
        CONFIGS.put("session-cache", Map.of(FeatureFlags.SESSION_CACHE, true, FeatureFlags.RESPONSE_CACHE, false));
        CONFIGS.put("session-cache + response-cache", Map.of(FeatureFlags.SESSION_CACHE, true,
                FeatureFlags.RESPONSE_CACHE, true));
    }

    /** An endpoint of the benchmark and the headers that sign it in. */
    private record Endpoint(String path, List<String> headers) {
    }

    private static List<Endpoint> endpoints(String token) {
        List<String> auth = List.of("Authorization", "Bearer " + token);
        return List.of(new Endpoint("/api/v1/dashboard/stats", auth), new Endpoint("/api/v1/auth/session", auth),
                new Endpoint("/api/v1/media/requests", auth));
    }

    @Test
    void cachedVersusUncached() throws Exception {
        try (TestDatabase db = TestDatabase.create(DbKind.H2); TestServer server = TestServer.start(db)) {
            var c = server.server().components();
            new Seeder(c.database().jdbc(), Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC))
                    .seed(new SeedPlan(200, 20_000, 0, false, null, 7));
            UUID busiest = c.database().jdbc().queryOne("SELECT user_id FROM media_requests GROUP BY user_id "
                    + "ORDER BY COUNT(*) DESC, user_id LIMIT 1", row -> row.uuid("user_id")).orElseThrow();
            String token = Accounts.session(server, busiest);
            FeatureFlags flags = c.perf().flags();
            StringBuilder table = new StringBuilder("\nCached vs uncached: " + WORKERS + " workers, " + ROUNDS
                    + " alternating rounds of " + ROUND.toMillis() + " ms per configuration, medians; H2 with 200 "
                    + "users and 20,000 requests; client and server share the machine's cores\n").append(HttpLoad.HEADER).append('\n');
            List<String> order = new ArrayList<>(CONFIGS.keySet());
            for (Endpoint e : endpoints(token)) {
                String url = server.url(e.path());
                for (String config : order) {
                    flags.set(CONFIGS.get(config));
                    HttpLoad.run(url, e.headers(), WORKERS, Duration.ofMillis(500));
                }
                HttpLoad.Comparison cmp = new HttpLoad.Comparison();
                for (int round = 0; round < ROUNDS; round++) {
                    for (String config : order) {
                        flags.set(CONFIGS.get(config));
                        cmp.add(config, HttpLoad.run(url, e.headers(), WORKERS, ROUND));
                    }
                    java.util.Collections.rotate(order, 1);
                }
                assertEquals(0, cmp.failures(), e.path() + " failed");
                table.append(cmp.rows(e.path(), BASELINE, List.copyOf(CONFIGS.keySet())));
            }
            flags.set(Map.of(FeatureFlags.SESSION_CACHE, true, FeatureFlags.RESPONSE_CACHE, true));
            System.out.println(table.append("time/base = baseline throughput / this throughput; below 1.00 = faster"));
        }
    }
}
