package app.medianest.server.bench;

import app.medianest.server.db.Jdbc;
import app.medianest.server.db.Keyset;
import app.medianest.server.requests.MediaRequestRepository;
import app.medianest.server.seed.SeedPlan;
import app.medianest.server.seed.Seeder;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 3, through HTTP: with 100,000 seeded requests, {@code GET /api/v1/admin/requests} 5,000 pages deep
 * costs at most 1.5x the first page (medians of interleaved calls on one keep-alive connection), on H2 and
 * PostgreSQL. A bare {@code /health} call is printed as this run's baseline.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class AdminRequestsHttpPagingBenchmarkTest {
    private static final int REQUESTS = 100_000;
    private static final int LIMIT = 20;
    private static final int DEPTH = 5_000;
    private static final int WARMUP = 150;
    private static final int SAMPLES = 301;

    @Parameter
    DbKind kind;

    private TestDatabase db;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aPage5000PagesDeepCostsAboutTheSameAsTheFirstThroughHttp() {
        db = TestDatabase.create(kind);
        Jdbc jdbc = db.open().jdbc();
        long t0 = System.nanoTime();
        new Seeder(jdbc, Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC))
                .seed(new SeedPlan(1_000, REQUESTS, 0, false, null, 11));
        if (kind == DbKind.POSTGRESQL) {
            jdbc.update("ANALYZE media_requests");
            jdbc.update("ANALYZE users");
        }
        System.out.printf(Locale.ROOT, "[%s] seeded %,d requests in %.1f s%n", kind, REQUESTS,
                (System.nanoTime() - t0) / 1e9);
        server = TestServer.start(db, Clock.systemUTC(), Map.of());
        UUID adminId = jdbc.queryOne("SELECT id FROM users WHERE role = 'admin' AND status = 'active' "
                + "FETCH FIRST 1 ROWS ONLY", r -> r.uuid("id")).orElseThrow();
        String[] auth = {"Authorization", "Bearer " + server.server().components().sessions()
                .issue(adminId, false, "127.0.0.1", "bench").token()};

        String first = "/api/v1/admin/requests?limit=" + LIMIT;
        String deep = first + "&cursor=" + cursorAfterRow(jdbc, (long) LIMIT * (DEPTH - 1) - 1);
        var deepPage = server.get(deep, auth);
        assertEquals(200, deepPage.status(), deepPage.body());
        assertEquals(LIMIT, deepPage.data().size());
        assertTrue(deepPage.json().at("/meta/nextCursor").isNull(), "page 5,000 of 20 is the last of 100,000");

        double[][] medians = interleavedMedians(List.of("/health", first, deep), auth);
        double health = medians[0][0];
        double firstMs = medians[1][0];
        double deepMs = medians[2][0];
        double ratio = deepMs / firstMs;
        System.out.printf(Locale.ROOT, "[%s] GET /api/v1/admin/requests over HTTP with %,d requests (median of %d): "
                + "first page %.3f ms, page %,d %.3f ms, deep/first %.2fx; bare /health %.3f ms (first page %.1fx "
                + "/health)%n", kind, REQUESTS, SAMPLES, firstMs, DEPTH, deepMs, ratio, health, firstMs / health);
        assertTrue(ratio <= 1.5, "the deep page must cost at most 1.5x the first page, was " + ratio);
    }

    /** The keyset cursor of the page that starts after row {@code n} (0-based) of the default order. */
    private static String cursorAfterRow(Jdbc jdbc, long n) {
        Object[] key = jdbc.queryOne("SELECT created_at, id FROM media_requests ORDER BY created_at DESC, id DESC "
                + "OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY", r -> new Object[] {r.instant("created_at"), r.uuid("id")}, n)
                .orElseThrow();
        Keyset keyset = MediaRequestRepository.SORTS.get("createdAt");
        return keyset.encode(true, Arrays.asList(key));
    }

    /** Calls the paths in turn (so drift hits all alike) and returns each one's median in ms. */
    private double[][] interleavedMedians(List<String> paths, String[] auth) {
        double[][] samples = new double[paths.size()][SAMPLES];
        for (int i = 0; i < WARMUP + SAMPLES; i++) {
            for (int p = 0; p < paths.size(); p++) {
                long t = System.nanoTime();
                int status = server.get(paths.get(p), auth).status();
                double ms = (System.nanoTime() - t) / 1e6;
                assertEquals(200, status);
                if (i >= WARMUP) {
                    samples[p][i - WARMUP] = ms;
                }
            }
        }
        double[][] out = new double[paths.size()][1];
        for (int p = 0; p < paths.size(); p++) {
            Arrays.sort(samples[p]);
            out[p][0] = samples[p][SAMPLES / 2];
        }
        return out;
    }
}
