package app.medianest.server.fuzz;

import app.medianest.server.db.Jdbc;
import app.medianest.server.testing.Api;
import app.medianest.server.testing.Api.Caller;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.ServerPerKind;
import app.medianest.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 4: at least 10,000 malformed or hostile requests across the core routes (fixed seed) get only
 * 4xx answers in the standard envelope, never a 500; the data is unchanged and the server healthy afterwards.
 * Longer local runs: {@code -Dfuzz.iterations=200000} (and {@code -Dfuzz.seed=N} for another sequence).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class CoreApiFuzzTest {
    private static final String SECRET = "fuzz-webhook-secret";
    private static final ServerPerKind SERVERS = new ServerPerKind(Map.of("overseerr.webhook-secret", SECRET));
    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 10_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20_260_501L);
    private static final int THREADS = 4;
    private static final AtomicInteger RESENT = new AtomicInteger();

    @Parameter
    DbKind kind;

    @AfterAll
    static void close() {
        SERVERS.close();
    }

    @Test
    void hostileRequestsGetOnly4xxInTheEnvelopeAndChangeNothing() throws Exception {
        TestServer server = SERVERS.get(kind);
        SERVERS.db(kind).truncateAll();
        FuzzCases.Fixture fixture = fixture(new Api(server));
        Jdbc jdbc = SERVERS.db(kind).open().jdbc();
        String before = snapshot(jdbc);

        FuzzCases cases = new FuzzCases(SEED, fixture);
        List<FuzzCases.Case> all = new ArrayList<>(ITERATIONS);
        for (int i = 0; i < ITERATIONS; i++) {
            all.add(cases.next());
        }
        Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger failureCount = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                pool.submit(() -> {
                    for (int i = first; i < all.size(); i += THREADS) {
                        FuzzCases.Case c = all.get(i);
                        String problem = check(server, c, byStatus);
                        if (problem != null && failureCount.incrementAndGet() <= 15) {
                            failures.add(problem);
                        }
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "[%s] fuzz: %,d hostile requests (seed %d) in %.1f s, %,.0f/s; statuses %s; "
                + "resent after a connection closed unanswered: %d%n",
                kind, ITERATIONS, SEED, seconds, ITERATIONS / seconds, new TreeMap<>(byStatus), RESENT.getAndSet(0));

        assertEquals(0, failureCount.get(), failureCount + " answers broke the rules, e.g.:\n"
                + String.join("\n", failures));
        assertEquals(before, snapshot(jdbc), "the data changed");
        assertEquals(200, server.get("/health").status());
        assertEquals(200, server.get("/api/v1/media/requests", "Authorization", "Bearer " + fixture.alice()).status());
    }

    /** Sends one case; returns what is wrong with the answer, or null. */
    private static String check(TestServer server, FuzzCases.Case c, Map<Integer, AtomicInteger> byStatus) {
        TestServer.Res r;
        try {
            r = Resend.send(server, c.method(), c.path(), c.body(), c.headers().toArray(String[]::new), RESENT);
        } catch (RuntimeException e) {
            return c.label() + ": " + c.method() + " " + abbreviate(c.path()) + " failed: " + e
                    + (e.getCause() == null ? "" : ", caused by " + e.getCause());
        }
        byStatus.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
        String where = c.label() + ": " + c.method() + " " + abbreviate(c.path()) + " body " + abbreviate(
                String.valueOf(c.body())) + " -> " + r.status() + " " + abbreviate(r.body());
        if (r.status() < 400 || r.status() >= 500) {
            return where;
        }
        String type = r.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return where + " (not JSON)";
        }
        JsonNode json;
        try {
            json = r.json();
        } catch (AssertionError e) {
            return where + " (unparseable)";
        }
        boolean envelope = !json.path("success").asBoolean(true) && json.path("error").path("code").asText("")
                .matches("[A-Z][A-Z_]+") && !json.path("error").path("message").asText("").isEmpty()
                && !json.path("error").path("correlationId").asText("").isEmpty();
        return envelope ? null : where + " (not the error envelope)";
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "...(" + s.length() + ")" : s;
    }

    private static FuzzCases.Fixture fixture(Api api) {
        Caller alice = api.user("alice");
        Caller bob = api.user("bob");
        Caller admin = api.admin("root");
        String pending = api.request(alice, "movie", 603, "The Matrix");
        String approved = api.request(alice, "movie", 604, "The Matrix Reloaded");
        String declined = api.request(alice, "movie", 605, "The Matrix Revolutions");
        String bobs = api.request(bob, "tv", 1399, "Game of Thrones");
        assertEquals(200, api.post(admin, "/api/v1/admin/requests/" + approved + "/approve", null).status());
        assertEquals(200, api.post(admin, "/api/v1/admin/requests/" + declined + "/decline", null).status());
        String note = api.get(alice, "/api/v1/dashboard/notifications").data().get(0).get("id").asText();
        api.server().server().components().serviceStatus().upsertAll(List.of(new app.medianest.model.ServiceStatusView(
                "plex", "Plex", app.medianest.model.ServiceState.UP, 20, 99.0, 99.0, java.time.Instant.now(), "OK")));
        return new FuzzCases.Fixture(alice.token(), bob.token(), admin.token(), pending, approved, declined, bobs, note,
                SECRET, List.of(new String[] {"movie", "603"}, new String[] {"movie", "604"},
                        new String[] {"tv", "1399"}));
    }

    /** A digest of every row the core routes could change. */
    private static String snapshot(Jdbc jdbc) throws Exception {
        StringBuilder b = new StringBuilder();
        jdbc.query("SELECT id, user_id, media_type, tmdb_id, title, status, active_media, seasons, decline_reason, "
                + "overseerr_id, decided_by, decided_at, updated_at FROM media_requests ORDER BY id", r -> {
                    for (String col : new String[] {"id", "user_id", "media_type", "tmdb_id", "title", "status",
                        "active_media", "seasons", "decline_reason", "overseerr_id", "decided_by", "updated_at"}) {
                        b.append(r.string(col)).append('|');
                    }
                    return b.append(r.instant("decided_at")).append('\n');
                });
        jdbc.query("SELECT id, user_id, type, read_at FROM notifications ORDER BY id", r -> b.append(r.string("id"))
                .append(r.string("user_id")).append(r.string("type")).append(r.instant("read_at")).append('\n'));
        jdbc.query("SELECT id, role, status FROM users ORDER BY id", r -> b.append(r.string("id"))
                .append(r.string("role")).append(r.string("status")).append('\n'));
        for (String t : new String[] {"request_outbox", "service_status", "api_keys", "app_settings"}) {
            b.append(t).append(jdbc.queryLong("SELECT COUNT(*) AS n FROM " + t)).append('\n');
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString()
                .getBytes(StandardCharsets.UTF_8))) + " (" + b.length() + " chars)";
    }
}
