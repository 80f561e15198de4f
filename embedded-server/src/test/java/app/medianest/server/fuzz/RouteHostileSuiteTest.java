package app.medianest.server.fuzz;

import app.medianest.fakes.DemoUpstreams;
import app.medianest.fakes.FakeOverseerr;
import app.medianest.fakes.FakeUptimeKuma;
import app.medianest.server.db.Jdbc;
import app.medianest.server.http.RouteTable;
import app.medianest.server.testing.Api;
import app.medianest.server.testing.Api.Caller;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.LogCapture;
import app.medianest.server.testing.RawHttp;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 2 of the security issue: hostile input on every route of the route table (each path id, the query
 * parameters and headers the API reads, broken bodies) and chunked-encoding and header abuse over raw sockets,
 * with every upstream simulated. No answer is a 5xx, every error is the standard envelope, no body and no log
 * line carries a stack trace, and no refused input stored anything. Prints the counts by status.
 */
class RouteHostileSuiteTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_206L);
    private static final int THREADS = 4;
    private static final AtomicInteger RESENT = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRouteRefusesHostileInputCleanly() throws Exception {
        try (LogCapture logs = new LogCapture(); DemoUpstreams up = DemoUpstreams.start();
             TestDatabase db = TestDatabase.create(DbKind.H2);
             TestServer server = TestServer.start(db, Clock.systemUTC(), Map.ofEntries(
                     Map.entry("plextv.url", up.plexTv().baseUrl()), Map.entry("plex.url", up.plex().baseUrl()),
                     Map.entry("plex.token", DemoUpstreams.DEMO_TOKEN),
                     Map.entry("overseerr.url", up.overseerr().apiBaseUrl()),
                     Map.entry("overseerr.api-key", FakeOverseerr.DEFAULT_API_KEY),
                     Map.entry("uptime-kuma.url", up.uptimeKuma().baseUrl()),
                     Map.entry("uptime-kuma.slug", FakeUptimeKuma.SLUG),
                     Map.entry("uptime-kuma.api-key", FakeUptimeKuma.DEFAULT_API_KEY),
                     Map.entry("youtube.ytdlp-path", up.ytDlp().toString()),
                     Map.entry("overseerr.webhook-secret", "hostile-suite-secret"),
                     // The idle timeout stays at its default (60 s), above the test client's keep-alive (30 s): a
                     // pooled connection the server closes as idle just as the client reuses it fails the request,
                     // and the client retries only GET and HEAD on another.
                     Map.entry("server.header-timeout", "3s")))) {
            Api api = new Api(server);
            Caller alice = api.user("alice");
            Caller admin = api.admin("root");
            api.request(alice, "movie", 603, "The Matrix");
            TestServer.Res key = api.post(admin, "/api/v1/admin/api-keys", "{\"name\":\"suite\",\"role\":\"user\"}");
            assertEquals(201, key.status(), key.body());
            Jdbc jdbc = server.server().components().database().jdbc();
            String before = settled(jdbc);

            List<RouteTable.Route> routes = server.server().routes().routes();
            List<String[]> callers = List.of(new String[0], alice.auth(), admin.auth(),
                    new String[] {"X-Api-Key", key.data().get("key").asText()});
            List<RouteCases.Case> cases = new RouteCases(SEED, routes, callers).all();
            assertTrue(cases.size() >= 2_000, "at least 2,000 cases: " + cases.size());

            Map<String, AtomicInteger> byStatus = new ConcurrentHashMap<>();
            Queue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger failureCount = new AtomicInteger();
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
                for (int t = 0; t < THREADS; t++) {
                    int first = t;
                    pool.submit(() -> {
                        for (int i = first; i < cases.size(); i += THREADS) {
                            String problem = check(server, cases.get(i), byStatus);
                            if (problem != null && failureCount.incrementAndGet() <= 20) {
                                failures.add(problem);
                            }
                        }
                    });
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "hostile suite: %,d cases over %d routes (seed %d) in %.1f s; by status %s; "
                    + "resent after a connection closed unanswered: %d%n",
                    cases.size(), routes.size(), SEED, seconds, new TreeMap<>(byStatus), RESENT.getAndSet(0));

            assertEquals(0, failureCount.get(), failureCount + " answers broke the rules, e.g.:\n"
                    + String.join("\n", failures));
            assertEquals(before, snapshot(jdbc), "a refused input changed stored data");
            List<String> traces = logs.stackTraces();
            assertTrue(traces.isEmpty(), traces.size() + " log lines with a stack trace, e.g. "
                    + traces.stream().limit(3).toList());
            assertEquals(200, server.get("/health").status());
            assertEquals(200, api.get(alice, "/api/v1/media/requests").status());
        }
    }

    private static String check(TestServer server, RouteCases.Case c, Map<String, AtomicInteger> byStatus) {
        int status;
        String body;
        String type;
        if (c.raw() != null) {
            RawHttp.Answer a = RawHttp.send(server.server().port(), c.raw(), 4_000);
            status = a.status();
            body = a.body();
            type = a.header("Content-Type");
        } else {
            TestServer.Res r;
            try {
                r = Resend.send(server, c.method(), c.path(), c.body(), c.headers().toArray(String[]::new), RESENT);
            } catch (RuntimeException e) {
                byStatus.computeIfAbsent("client error", s -> new AtomicInteger()).incrementAndGet();
                return c.label() + ": " + c.method() + " " + abbreviate(c.path()) + " failed: " + e
                        + (e.getCause() == null ? "" : ", caused by " + e.getCause());
            }
            status = r.status();
            body = r.body();
            type = r.header("Content-Type");
        }
        byStatus.computeIfAbsent(status == 0 ? "no answer" : Integer.toString(status), s -> new AtomicInteger())
                .incrementAndGet();
        String where = c.label() + ": " + c.method() + " " + abbreviate(c.path()) + " -> " + status + " "
                + abbreviate(body);
        if (status == 0) {
            // Only a raw request whose body never completes may go unanswered (the server waits for it).
            return c.raw() != null ? null : where + " (no answer)";
        }
        if (status >= 500) {
            return where + " (5xx)";
        }
        if (body.contains("\tat ") || body.contains("Exception") || body.contains("java.")) {
            return where + " (stack trace or class name in the body)";
        }
        if (!c.method().equals("GET") && status < 300 && !c.path().startsWith("/api/v1/auth/plex/pin")) {
            return where + " (a hostile write was accepted)";
        }
        if (status >= 400) {
            if (type == null || !type.startsWith("application/json")) {
                return where + " (error not JSON)";
            }
            try {
                JsonNode json = JSON.readTree(body);
                boolean envelope = !json.path("success").asBoolean(true)
                        && json.path("error").path("code").asText("").matches("[A-Z][A-Z_]+")
                        && !json.path("error").path("correlationId").asText("").isEmpty();
                return envelope ? null : where + " (not the error envelope)";
            } catch (Exception e) {
                return where + " (unparseable error)";
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 160 ? s.substring(0, 160) + "...(" + s.length() + ")" : s;
    }

    /** A digest of every row a route could store or change. */
    /**
     * The snapshot once the writes that follow the setup (the request's hand-off to Overseerr, the admins'
     * notifications) have landed: the same in three reads 250 ms apart, within 20 s.
     */
    private static String settled(Jdbc jdbc) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String last = snapshot(jdbc);
        int same = 0;
        while (same < 2) {
            assertTrue(System.nanoTime() < deadline, "stored data kept changing for 20 s after the setup");
            Thread.sleep(250);
            String now = snapshot(jdbc);
            same = now.equals(last) ? same + 1 : 0;
            last = now;
        }
        return last;
    }

    private static String snapshot(Jdbc jdbc) throws Exception {
        StringBuilder b = new StringBuilder();
        jdbc.query("SELECT id, user_id, title, status FROM media_requests ORDER BY id", r -> b.append(r.string("id"))
                .append(r.string("user_id")).append(r.string("title")).append(r.string("status")).append('\n'));
        jdbc.query("SELECT id, username, role, status, password_hash FROM users ORDER BY id", r -> b
                .append(r.string("id")).append(r.string("username")).append(r.string("role"))
                .append(r.string("status")).append(r.string("password_hash")).append('\n'));
        jdbc.query("SELECT id, read_at FROM notifications ORDER BY id", r -> b.append(r.string("id"))
                .append(r.instant("read_at")).append('\n'));
        for (String t : new String[] {"api_keys", "app_settings", "youtube_downloads", "service_config",
            "session_tokens"}) {
            b.append(t).append(jdbc.queryLong("SELECT COUNT(*) AS n FROM " + t)).append('\n');
        }
        jdbc.query("SELECT id, revoked_at FROM api_keys ORDER BY id", r -> b.append(r.string("id"))
                .append(r.instant("revoked_at")).append('\n'));
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString()
                .getBytes(StandardCharsets.UTF_8)));
    }
}
