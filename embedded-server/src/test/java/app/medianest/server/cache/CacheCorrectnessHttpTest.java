package app.medianest.server.cache;

import app.medianest.model.Role;
import app.medianest.server.testing.Accounts;
import app.medianest.server.testing.DatabasePerKind;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.Fixtures;
import app.medianest.server.testing.TestServer;
import app.medianest.server.users.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cache correctness over HTTP: several users at once, each read right after a write that concerns them
 * must show the write (never the cached old value) and only their own data; with the caches on and off.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class CacheCorrectnessHttpTest {
    private static final DatabasePerKind DATABASES = new DatabasePerKind();
    private static final int USERS = 4;
    private static final int ROUNDS = 20;

    /** One server per database kind, with its admin and members, shared by the tests of that kind. */
    private record Fixture(TestServer server, String admin, List<User> users) {
    }

    private static final Map<DbKind, Fixture> FIXTURES = new java.util.EnumMap<>(DbKind.class);

    @Parameter
    DbKind kind;

    private TestServer server;
    private String admin;
    private Fixture fixture;

    @BeforeEach
    void start() {
        fixture = FIXTURES.computeIfAbsent(kind, k -> {
            TestServer s = TestServer.start(DATABASES.get(k), Clock.systemUTC(), Map.of());
            var jdbc = s.server().components().database().jdbc();
            String a = Accounts.session(s, Fixtures.user(jdbc, "admin", Role.ADMIN).id());
            List<User> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                users.add(Fixtures.user(jdbc, "member" + i, Role.USER));
            }
            return new Fixture(s, a, users);
        });
        server = fixture.server();
        admin = fixture.admin();
    }

    @AfterAll
    static void close() {
        FIXTURES.values().forEach(f -> f.server().close());
        FIXTURES.clear();
        DATABASES.close();
    }

    private record Member(User user, String token) {
    }

    /** The members, each with role user and a fresh session. */
    private List<Member> members() {
        List<Member> out = new ArrayList<>();
        for (User u : fixture.users()) {
            server.server().components().accounts().update(null, u.id(), Role.USER, null);
            out.add(new Member(u, Accounts.session(server, u.id())));
        }
        return out;
    }

    @Test
    void interleavedRoleChangesAreSeenAtOnceAndNeverCrossUsers() throws Exception {
        assertInterleavedWritesAreSeen();
    }

    @Test
    void theSameHoldsWithTheCachesSwitchedOff() throws Exception {
        var r = server.send("PUT", "/api/v1/admin/feature-flags", "{\"session-cache\": false, \"response-cache\": false}",
                Accounts.bearer(admin));
        assertEquals(200, r.status(), r.body());
        try {
            assertInterleavedWritesAreSeen();
            assertEquals("BYPASS", server.get("/api/v1/auth/session", Accounts.bearer(admin)).header("X-Cache"));
        } finally {
            server.send("PUT", "/api/v1/admin/feature-flags", "{\"session-cache\": true, \"response-cache\": true}",
                    Accounts.bearer(admin));
        }
    }

    private void assertInterleavedWritesAreSeen() throws Exception {
        List<Member> members = members();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (Member m : members) {
                done.add(pool.submit(readsAfterWrites(m, problems)));
            }
            int checked = 0;
            for (Future<Integer> f : done) {
                checked += f.get(60, TimeUnit.SECONDS);
            }
            assertTrue(problems.isEmpty(), String.join("\n", problems));
            assertEquals(USERS * ROUNDS * 3, checked);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One user's loop: the admin changes the user's role, then the user reads the session (twice, and with its ETag). */
    private Callable<Integer> readsAfterWrites(Member m, List<String> problems) {
        return () -> {
            String[] auth = Accounts.bearer(m.token());
            String etag = null;
            int checks = 0;
            for (int i = 0; i < ROUNDS; i++) {
                String role = i % 2 == 0 ? "admin" : "user";
                var w = server.send("PATCH", "/api/v1/admin/users/" + m.user().id(), "{\"role\":\"" + role + "\"}",
                        Accounts.bearer(admin));
                if (w.status() != 200) {
                    problems.add("PATCH " + w.status() + " " + w.body());
                }
                for (int read = 0; read < 2; read++) {
                    var r = server.get("/api/v1/auth/session", auth);
                    checks++;
                    check(problems, m, role, r, i);
                    if (read == 1 && !"HIT".equals(r.header("X-Cache")) && !"BYPASS".equals(r.header("X-Cache"))) {
                        problems.add(m.user().username() + " round " + i + ": second read was " + r.header("X-Cache"));
                    }
                }
                var conditional = server.get("/api/v1/auth/session", concat(auth, "If-None-Match",
                        etag == null ? "\"none\"" : etag));
                checks++;
                if (conditional.status() != 200) {
                    problems.add(m.user().username() + " round " + i + ": the old ETag matched after a role change ("
                            + conditional.status() + ")");
                } else {
                    check(problems, m, role, conditional, i);
                    etag = conditional.header("ETag");
                }
            }
            return checks;
        };
    }

    private static void check(List<String> problems, Member m, String role, TestServer.Res r, int round) {
        if (r.status() != 200) {
            problems.add(m.user().username() + " round " + round + ": " + r.status() + " " + r.body());
            return;
        }
        String id = r.data().at("/user/id").asText();
        String seenRole = r.data().at("/user/role").asText();
        if (!id.equals(m.user().id().toString()) || !r.data().at("/user/username").asText().equals(m.user().username())) {
            problems.add(m.user().username() + " round " + round + ": got another user's session: " + r.body());
        }
        if (!seenRole.equals(role)) {
            problems.add(m.user().username() + " round " + round + ": role " + seenRole + " after it was set to " + role);
        }
    }

    @Test
    void aMatchingEtagGets304UntilTheUserChanges() {
        Member m = members().getFirst();
        String[] auth = Accounts.bearer(m.token());
        var first = server.get("/api/v1/auth/session", auth);
        String etag = first.header("ETag");
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);
        assertEquals(app.medianest.server.http.ConditionalGet.PRIVATE, first.header("Cache-Control"));
        var same = server.get("/api/v1/auth/session", concat(auth, "If-None-Match", etag));
        assertEquals(304, same.status());
        assertEquals("", same.body());
        server.send("PATCH", "/api/v1/admin/users/" + m.user().id(), "{\"role\":\"admin\"}", Accounts.bearer(admin));
        var changed = server.get("/api/v1/auth/session", concat(auth, "If-None-Match", etag));
        assertEquals(200, changed.status());
        assertEquals("admin", changed.data().at("/user/role").asText());
        assertNotEquals(etag, changed.header("ETag"));
    }

    @Test
    void aUsersOwnPasswordChangeEndsTheCachedSessionAtOnce() {
        User u = Accounts.user(server, "changer-" + kind, Role.USER);
        String[] auth = Accounts.bearer(Accounts.login(server, u.username()));
        assertEquals(200, server.get("/api/v1/auth/session", auth).status());
        assertEquals(200, server.get("/api/v1/auth/session", auth).status());
        var change = server.post("/api/v1/auth/password", "{\"currentPassword\":\"" + Accounts.PASSWORD
                + "\",\"newPassword\":\"another long secret\"}", auth);
        assertEquals(200, change.status(), change.body());
        assertEquals(401, server.get("/api/v1/auth/session", auth).status());
        var again = server.post("/api/v1/auth/login", "{\"username\":\"" + u.username()
                + "\",\"password\":\"another long secret\"}");
        assertEquals(200, server.get("/api/v1/auth/session", Accounts.bearer(again.data().get("token").asText()))
                .status());
    }

    @Test
    void theAdminRequestPagesShowEveryChangeAtOnce() {
        String[] adminAuth = Accounts.bearer(admin);
        Member m = members().get(1);
        String page = "/api/v1/admin/requests?limit=5";
        server.get(page, adminAuth);
        var cached = server.get(page, adminAuth);
        assertEquals(200, cached.status(), cached.body());
        assertTrue(List.of("HIT", "BYPASS").contains(cached.header("X-Cache")), "a repeated page is served from "
                + "the cache (or bypasses it when switched off): " + cached.header("X-Cache"));
        int tmdb = 700_000 + kind.ordinal() * 1000 + (int) (System.nanoTime() % 997);
        var created = server.post("/api/v1/media/requests", "{\"mediaType\":\"movie\",\"tmdbId\":" + tmdb
                + ",\"title\":\"Cache check " + tmdb + "\"}", Accounts.bearer(m.token()));
        assertEquals(201, created.status(), created.body());
        String id = created.data().get("id").asText();
        var after = server.get(page, adminAuth);
        assertEquals(id, after.data().get(0).get("id").asText(), "the new request heads the admin page at once");
        assertEquals("pending", after.data().get(0).get("status").asText());
        var approved = server.post("/api/v1/admin/requests/" + id + "/approve", null, adminAuth);
        assertEquals(200, approved.status(), approved.body());
        assertEquals("approved", server.get(page, adminAuth).data().get(0).get("status").asText(),
                "the approval shows at once");
        var pending = server.get("/api/v1/admin/requests?limit=100&status=pending", adminAuth);
        for (var r : pending.data()) {
            assertNotEquals(id, r.get("id").asText(), "an approved request left the pending page");
        }
        assertEquals(403, server.get(page, Accounts.bearer(m.token())).status(), "members never see the admin page");
    }

    @Test
    void adminsFlushOneCacheOrAll() {
        String[] auth = Accounts.bearer(admin);
        var one = server.post("/api/v1/admin/cache/flush", "{\"cache\":\"sessions\"}", auth);
        assertEquals(200, one.status(), one.body());
        assertEquals("sessions", one.data().at("/flushed/0").asText());
        var all = server.post("/api/v1/admin/cache/flush", null, auth);
        assertEquals(200, all.status(), all.body());
        assertTrue(all.data().get("flushed").size() >= 2);
        var unknown = server.post("/api/v1/admin/cache/flush", "{\"cache\":\"nope\"}", auth);
        assertEquals(404, unknown.status());
        assertEquals("CACHE_NOT_FOUND", unknown.errorCode());
        assertEquals(400, server.post("/api/v1/admin/cache/flush", "{\"cache\":7}", auth).status());
        Member m = members().getFirst();
        assertEquals(403, server.post("/api/v1/admin/cache/flush", null, Accounts.bearer(m.token())).status());
        assertEquals(200, server.get("/api/v1/auth/session", Accounts.bearer(m.token())).status(),
                "sessions survive a flush (they are reloaded from the database)");
    }

    private static String[] concat(String[] a, String... more) {
        String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }
}
