package app.medianest.server.bench;

import app.medianest.model.RequestStatus;
import app.medianest.server.db.Jdbc;
import app.medianest.server.db.Keyset;
import app.medianest.server.requests.MediaRequestRepository;
import app.medianest.server.requests.RequestFilter;
import app.medianest.server.seed.SeedPlan;
import app.medianest.server.seed.Seeder;
import app.medianest.server.testing.DatabasePerKind;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance benchmark of issue 2: with 100,000 seeded requests, a page 5,000 pages deep costs at most 1.5x
 * the first page (keyset paging), on H2 and PostgreSQL; an OFFSET page at the same depth is printed for
 * contrast. On PostgreSQL the list queries' plans must use the indexes.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class KeysetPagingBenchmarkTest {
    private static final DatabasePerKind DATABASES = new DatabasePerKind();
    private static final int REQUESTS = 100_000;
    private static final int LIMIT = 20;
    private static final int DEPTH = 5_000;

    @Parameter
    DbKind kind;

    private TestDatabase db;
    private Jdbc jdbc;
    private MediaRequestRepository repo;

    @BeforeEach
    void seedOnce() {
        db = DATABASES.get(kind);
        jdbc = db.open().jdbc();
        repo = new MediaRequestRepository(jdbc);
        if (repo.total() > 0) {
            return;
        }
        long start = System.nanoTime();
        var result = new Seeder(jdbc, Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC))
                .seed(new SeedPlan(1_000, REQUESTS, 0, false, null, 7));
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "[%s] seeded %,d users + %,d requests in %.1f s%n", kind, result.users(),
                result.requests(), secs);
        // The figure is printed (docs/performance.md, "Data size"); the bound only catches a pathological slowdown.
        assertTrue(secs < 300, "seeding 100k requests took " + secs + " s");
        if (kind == DbKind.POSTGRESQL) {
            jdbc.update("ANALYZE media_requests");
            jdbc.update("ANALYZE users");
        }
    }

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    @Test
    void deepKeysetPageCostsAboutTheSameAsTheFirst() {
        Keyset keyset = MediaRequestRepository.SORTS.get("createdAt");
        // Page 5,000 starts after row 99,979 (0-based).
        String deepCursor = cursorAtRow(keyset, (long) LIMIT * (DEPTH - 1) - 1, null);
        assertEquals(LIMIT, repo.list(RequestFilter.NONE, "createdAt", true, deepCursor, LIMIT).items().size());

        double[] pair = pairedMedianMicros(() -> repo.list(RequestFilter.NONE, "createdAt", true, null, LIMIT),
                () -> repo.list(RequestFilter.NONE, "createdAt", true, deepCursor, LIMIT));
        double first = pair[0];
        double deep = pair[1];
        double offset = medianMicros(5, () -> jdbc.query("SELECT r.id FROM media_requests r LEFT JOIN users u ON "
                + "u.id = r.user_id ORDER BY r.created_at DESC, r.id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
                row -> row.uuid("id"), (long) LIMIT * (DEPTH - 1), LIMIT));
        double ratio = deep / first;
        System.out.printf(Locale.ROOT, "[%s] admin list, 100k requests: first page %.0f us, page %,d (keyset) "
                + "%.0f us, ratio %.2fx; same depth with OFFSET %.0f us (%.1fx)%n", kind, first, DEPTH, deep, ratio,
                offset, offset / first);

        RequestFilter pending = new RequestFilter(null, RequestStatus.PENDING, null, null, null, null);
        long pendingRows = repo.counts(null).pending();
        String deepPending = cursorAtRow(keyset, Math.min(pendingRows - LIMIT, (long) LIMIT * 700), "pending");
        double[] pPair = pairedMedianMicros(() -> repo.list(pending, "createdAt", true, null, LIMIT),
                () -> repo.list(pending, "createdAt", true, deepPending, LIMIT));
        double pFirst = pPair[0];
        double pDeep = pPair[1];
        System.out.printf(Locale.ROOT, "[%s] status=pending list: first %.0f us, deep %.0f us, ratio %.2fx%n",
                kind, pFirst, pDeep, pDeep / pFirst);
        assertTrue(ratio <= 1.5, "deep page must cost at most 1.5x the first page, was " + ratio);
        assertTrue(pDeep / pFirst <= 1.5, "deep filtered page must cost at most 1.5x, was " + pDeep / pFirst);
    }

    @Test
    void listQueriesUseTheIndexes() throws Exception {
        Keyset keyset = MediaRequestRepository.SORTS.get("createdAt");
        UUID heavyUser = jdbc.queryOne("SELECT user_id FROM media_requests GROUP BY user_id ORDER BY COUNT(*) DESC "
                + "FETCH FIRST 1 ROWS ONLY", r -> r.uuid("user_id")).orElseThrow();
        String cursor = cursorAtRow(keyset, 50_000, null);
        List<String[]> cases = List.of(
                new String[] {"admin list, first page", plan(RequestFilter.NONE, "createdAt", null),
                    "ix_media_requests_created"},
                new String[] {"admin list, deep page", plan(RequestFilter.NONE, "createdAt", cursor),
                    "ix_media_requests_created"},
                new String[] {"my requests", plan(RequestFilter.NONE.withUser(heavyUser), "createdAt", null),
                    "ix_media_requests_user"},
                // Both (status, created_at DESC, id DESC) indexes yield this order; which one a planner takes is a tie
                // (PostgreSQL's choice follows how the rows lie on disk).
                new String[] {"status filter", plan(new RequestFilter(null, RequestStatus.PENDING, null, null, null,
                    null), "createdAt", null), "ix_media_requests_status_"},
                new String[] {"title sort", plan(RequestFilter.NONE, "title", null), "ix_media_requests_title"},
                new String[] {"status sort", plan(RequestFilter.NONE, "status", null),
                    "ix_media_requests_status_sort"});
        for (String[] c : cases) {
            System.out.println("[" + kind + "] plan of " + c[0] + ":\n" + c[1]);
            assertTrue(c[1].contains(c[2]), c[0] + " should use " + c[2] + ":\n" + c[1]);
            assertFalse(c[1].contains("Seq Scan on media_requests"), c[0] + " must not scan the table:\n" + c[1]);
            assertFalse(c[1].contains("tableScan"), c[0] + " must not scan the table:\n" + c[1]);
            assertFalse(c[1].matches("(?s).*index sorted: \\d+ of.*"), c[0] + " must not sort what it read:\n" + c[1]);
        }
    }

    @Test
    void myRequestsByTitleReadOnlyTheOwnersRows() throws Exception {
        UUID heavyUser = jdbc.queryOne("SELECT user_id FROM media_requests GROUP BY user_id ORDER BY COUNT(*) DESC "
                + "FETCH FIRST 1 ROWS ONLY", r -> r.uuid("user_id")).orElseThrow();
        String plan = plan(RequestFilter.NONE.withUser(heavyUser), "title", null);
        System.out.println("[" + kind + "] plan of my requests by title:\n" + plan);
        assertTrue(plan.contains("ix_media_requests_user_title"), "the owner's title range:\n" + plan);
        assertFalse(plan.contains("tableScan") || plan.contains("Seq Scan on media_requests"), plan);
        assertFalse(plan.matches("(?s).*index sorted: \\d+ of.*") || plan.contains("Sort Key"),
                "newest title first reads the index backwards, no sort:\n" + plan);
        List<String> titles = repo.list(RequestFilter.NONE.withUser(heavyUser), "title", false, null, LIMIT).items()
                .stream().map(r -> r.title().toLowerCase(Locale.ROOT)).toList();
        assertEquals(titles.stream().sorted().toList(), titles, "in title order");
    }

    @Test
    void userSearchReadsIndexRangesNotEveryUser() {
        List<Object> params = new ArrayList<>();
        String sql = app.medianest.server.users.UserRepository.listSql("alice.s", null, "createdAt", true, null, LIMIT,
                params);
        String plan = explain(sql, params);
        System.out.println("[" + kind + "] plan of the user search:\n" + plan);
        if (kind == DbKind.H2) {
            assertTrue(plan.contains("uq_users_username_INDEX") && plan.contains("ix_users_email_prefix"),
                    "the name and address prefixes must be index ranges:\n" + plan);
            assertTrue(plan.contains("PRIMARY_KEY") && plan.contains("id IN("),
                    "the matches must be looked up by id:\n" + plan);
            assertFalse(plan.contains("tableScan"), "no table may be read whole:\n" + plan);
        } else {
            assertTrue(plan.contains("ix_users_username_prefix") && plan.contains("ix_users_email_prefix"),
                    "the name and address prefixes must be index ranges:\n" + plan);
            assertFalse(plan.contains("Seq Scan on users"), "no table may be read whole:\n" + plan);
        }
        assertEquals(new app.medianest.server.users.UserRepository(jdbc).list("ALICE.S", null, "createdAt", true, null,
                1_000).items().size(), jdbc.queryLong("SELECT COUNT(*) AS n FROM users WHERE username_key LIKE "
                + "'alice.s%' OR LOWER(email) LIKE 'alice.s%'"));
    }

    private String plan(RequestFilter filter, String sort, String cursor) throws Exception {
        List<Object> params = new ArrayList<>();
        String sql = MediaRequestRepository.listSql(jdbc.dialect(), filter, sort, true, cursor, LIMIT, params);
        return explain(sql, params);
    }

    private String explain(String sql, List<Object> params) {
        return jdbc.withHandle(h -> {
            try (var ps = h.connection().prepareStatement("EXPLAIN " + sql)) {
                for (int i = 0; i < params.size(); i++) {
                    Object p = params.get(i);
                    ps.setObject(i + 1, p instanceof Instant t ? t.atOffset(ZoneOffset.UTC)
                            : p instanceof app.medianest.model.WireEnum e ? e.wire() : p);
                }
                StringBuilder b = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        b.append(rs.getString(1)).append('\n');
                    }
                }
                return b.toString();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The cursor after row {@code n} (0-based) of the createdAt-desc order, found once with OFFSET. */
    private String cursorAtRow(Keyset keyset, long n, String status) {
        String where = status == null ? "" : " WHERE status = '" + status + "'";
        Object[] key = jdbc.queryOne("SELECT created_at, id FROM media_requests" + where
                        + " ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY",
                r -> new Object[] {r.instant("created_at"), r.uuid("id")}, n).orElseThrow();
        return keyset.encode(true, Arrays.asList(key));
    }

    /**
     * Medians of {@code a} and {@code b} timed alternately, so a busy machine slows both alike and the ratio
     * stays meaningful.
     */
    private static double[] pairedMedianMicros(Supplier<?> a, Supplier<?> b) {
        for (int i = 0; i < 300; i++) {
            a.get();
            b.get();
        }
        int n = 1001;
        double[] sa = new double[n];
        double[] sb = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            a.get();
            long m = System.nanoTime();
            b.get();
            long e = System.nanoTime();
            sa[i] = (m - t) / 1_000.0;
            sb[i] = (e - m) / 1_000.0;
        }
        Arrays.sort(sa);
        Arrays.sort(sb);
        return new double[] {sa[n / 2], sb[n / 2]};
    }

    private static double medianMicros(int n, Supplier<?> work) {
        for (int i = 0; i < Math.min(200, n); i++) {
            work.get();
        }
        double[] samples = new double[n];
        for (int i = 0; i < samples.length; i++) {
            long t = System.nanoTime();
            work.get();
            samples[i] = (System.nanoTime() - t) / 1_000.0;
        }
        Arrays.sort(samples);
        return samples[samples.length / 2];
    }

}
