package app.medianest.server.portal;

import app.medianest.fakes.SampleTitle;
import app.medianest.model.MediaRequestView;
import app.medianest.model.MediaType;
import app.medianest.model.RequestStatus;
import app.medianest.model.Role;
import app.medianest.server.config.SettingsCatalog;
import app.medianest.server.testing.Accounts;
import app.medianest.server.testing.PortalPages;
import app.medianest.server.testing.PortalServer;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal over plain HTTP (no browser): hashed, compressed, immutable assets; the security headers and the
 * absence of inline code on every page; the session cookie and its revocation through the session store; CSRF and
 * origin checks; sign-in limits shared with the API; bad input answered with a 4xx page and no change; an upstream
 * that is down.
 */
class PortalHttpTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static PortalServer server;

    @BeforeAll
    static void start() {
        server = PortalServer.start(false, Map.of(SettingsCatalog.LOGIN_MAX_FAILURES.key(), "3",
                SettingsCatalog.LOGIN_WINDOW.key(), "2s"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A cookie-keeping client that does not follow redirects, like a browser's tab. */
    static final class Web {
        final HttpClient client;
        final String base;
        String csrf;

        Web(String base) {
            this(base, HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build());
        }

        Web(String base, HttpClient client) {
            this.base = base;
            this.client = client;
        }

        HttpResponse<String> get(String path, String... headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
            for (int i = 0; i < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> r = send(b.build());
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        /** The page as bytes, as a browser that asks for it compressed gets it. */
        HttpResponse<byte[]> getCompressed(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Encoding", "gzip").GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
            return postRaw(path, "application/x-www-form-urlencoded", body.toString(), headers);
        }

        HttpResponse<String> postRaw(String path, String type, String body, String... headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            for (int i = 0; i < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            return send(b.build());
        }

        /** A form with this tab's CSRF token plus {@code fields} (pairs). */
        Map<String, String> form(String... fields) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("_csrf", csrf);
            for (int i = 0; i < fields.length; i += 2) {
                m.put(fields[i], fields[i + 1]);
            }
            return m;
        }

        HttpResponse<String> signIn(String user, String password) {
            get("/signin");
            return post("/signin", form("username", user, "password", password));
        }

        private HttpResponse<String> send(HttpRequest r) {
            return send(r, HttpResponse.BodyHandlers.ofString());
        }

        private <T> HttpResponse<T> send(HttpRequest r, HttpResponse.BodyHandler<T> body) {
            try {
                return client.send(r, body);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> bytes(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Web member() {
        Web w = new Web(server.baseUrl());
        assertEquals(303, w.signIn(PortalServer.MEMBER, PortalServer.PASSWORD).statusCode());
        w.get("/");
        return w;
    }

    private static Web admin() {
        Web w = new Web(server.baseUrl());
        assertEquals(303, w.signIn(PortalServer.ADMIN, PortalServer.PASSWORD).statusCode());
        w.get("/");
        return w;
    }

    @Test
    void assetsHaveContentHashesAreCompressedAndCachedForever() throws Exception {
        String html = new Web(server.baseUrl()).get("/signin").body();
        Matcher m = Pattern.compile("(?:href|src)=\"(/assets/[^\"]+)\"").matcher(html);
        List<String> urls = new ArrayList<>();
        while (m.find()) {
            urls.add(m.group(1));
        }
        assertTrue(urls.size() >= 5, "css, js, icons and manifest are linked: " + urls);
        for (String url : urls) {
            assertTrue(url.matches("/assets/[a-z0-9-]+\\.[0-9a-f]{12}\\.[a-z]+"), "content hash in the name: " + url);
            HttpResponse<byte[]> plain = bytes(server.url(url));
            assertEquals(200, plain.statusCode(), url);
            assertEquals("public, max-age=31536000, immutable", plain.headers().firstValue("Cache-Control").orElse(""));
            HttpResponse<byte[]> gz = bytes(server.url(url), "Accept-Encoding", "gzip");
            if (url.endsWith(".css") || url.endsWith(".js")) {
                assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""), url);
                assertTrue(gz.body().length < plain.body().length / 2, url + " compresses");
                assertArrayEquals(plain.body(), new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes());
            }
        }
        String css = urls.stream().filter(u -> u.endsWith(".css")).findFirst().orElseThrow();
        assertEquals(404, bytes(server.url(css.replaceAll("\\.[0-9a-f]{12}\\.", ".000000000000."))).statusCode(),
                "an old hash is not served");
        String manifest = new String(bytes(server.url(urls.stream().filter(u -> u.endsWith(".webmanifest"))
                .findFirst().orElseThrow())).body(), StandardCharsets.UTF_8);
        Matcher icon = Pattern.compile("\"src\":\"(/assets/icon-(\\d+)\\.[0-9a-f]+\\.png)\"").matcher(manifest);
        int icons = 0;
        while (icon.find()) {
            byte[] png = bytes(server.url(icon.group(1))).body();
            assertEquals(0x89, png[0] & 0xff);
            assertEquals(Integer.parseInt(icon.group(2)), ByteBuffer.wrap(png, 16, 4).getInt(), "PNG width");
            icons++;
        }
        assertEquals(2, icons, "192 and 512 px icons for the home screen");
    }

    @Test
    void everyPageHasAStrictPolicyAndNoInlineCode() {
        Web out = new Web(server.baseUrl());
        Web member = member();
        Web admin = admin();
        Pattern inline = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>|\\sstyle=|\\son[a-z]+=|javascript:",
                Pattern.CASE_INSENSITIVE);
        for (PortalPages.Page page : PortalPages.all(server)) {
            Web w = switch (page.viewer()) {
                case SIGNED_OUT -> out;
                case MEMBER -> member;
                case ADMIN -> admin;
            };
            HttpResponse<String> r = w.get(page.path());
            assertEquals(200, r.statusCode(), page.name() + ": " + r.body());
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'")
                    && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe"), page.name() + ": " + csp);
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), page.name());
            Matcher bad = inline.matcher(r.body());
            assertFalse(bad.find(), page.name() + " has inline code: " + (bad.hitEnd() ? "" : bad.group()));
            assertFalse(r.body().contains(app.medianest.fakes.DemoUpstreams.DEMO_TOKEN), "no Plex token in pages");
            assertFalse(r.body().contains(server.upstreams().plex().baseUrl()), "no Plex address in pages");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndRevokedLikeATokenEverywhere() {
        var c = server.components();
        c.accounts().createUser("cookie-user", PortalServer.PASSWORD, null, Role.USER, "");
        Web web = new Web(server.baseUrl());
        HttpResponse<String> signedIn = web.signIn("cookie-user", PortalServer.PASSWORD);
        assertEquals(303, signedIn.statusCode());
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("mn_session="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"),
                cookie);
        assertEquals(200, web.get("/").statusCode());
        String token = Accounts.login(server.http(), "cookie-user");
        assertEquals(200, server.http().get("/api/v1/auth/session", Accounts.bearer(token)).status());

        web.get("/account");
        assertEquals(303, web.post("/account/signout-everywhere", web.form()).statusCode());
        assertEquals(401, server.http().get("/api/v1/auth/session", Accounts.bearer(token)).status(),
                "signing out everywhere in the portal ends API sessions too");
        HttpResponse<String> after = web.get("/");
        assertEquals(303, after.statusCode());
        assertEquals("/signin", after.headers().firstValue("Location").orElse(""));

        // The other way round: an admin suspends the user and the browser session ends at once.
        Web again = new Web(server.baseUrl());
        again.signIn("cookie-user", PortalServer.PASSWORD);
        assertEquals(200, again.get("/").statusCode());
        UUID id = c.users().findByUsername("cookie-user").orElseThrow().id();
        Web admin = admin();
        admin.get("/admin/users");
        assertEquals(303, admin.post("/admin/users/" + id, admin.form("role", "user", "status", "suspended"))
                .statusCode());
        assertEquals(303, again.get("/").statusCode(), "a suspended user's cookie no longer works");
    }

    @Test
    void underTlsTheCookieIsSecure() throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try (TestDatabase db = TestDatabase.create(DbKind.H2);
             TestServer tls = TestServer.start(db, Clock.systemUTC(), Map.of("server.tls.enabled", "true"))) {
            tls.server().components().accounts().createUser("tls-user", PortalServer.PASSWORD, null, Role.USER, "");
            Web web = new Web(tls.server().baseUrl(), HttpClient.newBuilder().sslContext(trustAll)
                    .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build());
            HttpResponse<String> r = web.signIn("tls-user", PortalServer.PASSWORD);
            assertEquals(303, r.statusCode(), r.body());
            assertTrue(r.headers().allValues("Set-Cookie").stream().anyMatch(v -> v.startsWith("mn_session=")
                    && v.contains("; Secure") && v.contains("HttpOnly")), r.headers().allValues("Set-Cookie").toString());
        }
    }

    @Test
    void statusShowsServiceNamesNotTheirIds() {
        String body = member().get("/status").body();
        for (String name : List.of("Overseerr", "plex.tv", "Uptime Kuma", "Plex")) {
            assertTrue(body.contains("<th scope=\"row\">" + name + "</th>"), "the status page names " + name);
        }
        for (String id : List.of("overseerr", "plex-tv", "uptime-kuma", "plex", "youtube")) {
            assertFalse(body.contains("<th scope=\"row\">" + id + "</th>"), "no raw service id " + id);
        }
    }

    @Test
    void theUsersPageCountsOneRequestInTheSingular() {
        Accounts.user(server.http(), "solo", app.medianest.model.Role.USER);
        SampleTitle movie = server.requestableMovie();
        Web solo = new Web(server.baseUrl());
        assertEquals(303, solo.signIn("solo", PortalServer.PASSWORD).statusCode());
        solo.get("/title/movie/" + movie.tmdbId());
        assertEquals(303, solo.post("/title/movie/" + movie.tmdbId() + "/request", solo.form()).statusCode());
        String users = admin().get("/admin/users?q=solo").body();
        Matcher m = Pattern.compile("id=\"u-solo\">.*?<span class=\"muted\">([^<·]*)", Pattern.DOTALL)
                .matcher(users);
        assertTrue(m.find(), users);
        assertEquals("1 request", m.group(1).strip());
        assertFalse(users.contains("1 requests"));
    }

    @Test
    void aTitlePageDoesNotMarkSearchAsTheCurrentPage() {
        SampleTitle movie = server.requestableMovie();
        String title = member().get("/title/movie/" + movie.tmdbId()).body();
        assertTrue(title.contains("<a href=\"/search\""), "the menu has Search");
        assertFalse(title.contains("aria-current=\"page\""), "no menu entry is the title page");
        assertTrue(member().get("/search").body().contains("<a href=\"/search\" aria-current=\"page\""),
                "the search page itself is current");
    }

    @Test
    void formsNeedTheTokenOfThisSessionAndThisOrigin() {
        SampleTitle movie = server.requestableMovie();
        Web web = member();
        String path = "/title/movie/" + movie.tmdbId() + "/request";
        web.get("/title/movie/" + movie.tmdbId());
        Map<String, String> noToken = new LinkedHashMap<>();
        assertEquals(403, web.post(path, noToken).statusCode(), "no token");
        assertEquals(403, web.post(path, Map.of("_csrf", "forged")).statusCode(), "wrong token");
        Web other = admin();
        assertEquals(403, web.post(path, Map.of("_csrf", other.csrf)).statusCode(), "another session's token");
        assertEquals(403, web.post(path, web.form(), "Origin", "http://evil.example").statusCode(), "other origin");
        assertEquals(403, web.post(path, web.form(), "Sec-Fetch-Site", "cross-site").statusCode(), "other site");
        assertTrue(server.components().requestService().active(MediaType.MOVIE, movie.tmdbId()).isEmpty(),
                "nothing was requested");
        assertEquals(303, web.post(path, web.form(), "Origin", server.baseUrl()).statusCode(), "the real form");
        assertEquals(RequestStatus.PENDING, server.components().requestService().active(MediaType.MOVIE,
                movie.tmdbId()).orElseThrow().status());
        Web anonymous = new Web(server.baseUrl());
        assertEquals(403, anonymous.post("/signin", Map.of("username", "member", "password", "x")).statusCode(),
                "the sign-in form has a token too");
    }

    @Test
    void signInLimitsAreSharedWithTheApiAndLiftAfterTheWindow() throws Exception {
        server.components().accounts().createUser("limited", PortalServer.PASSWORD, null, Role.USER, "");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, server.http().post("/api/v1/auth/login",
                    "{\"username\":\"limited\",\"password\":\"wrong password\"}").status());
        }
        Web web = new Web(server.baseUrl());
        HttpResponse<String> r = web.signIn("limited", PortalServer.PASSWORD);
        assertEquals(429, r.statusCode(), "failures through the API count for the portal's sign-in");
        assertTrue(r.body().contains("Too many failed sign-ins"));
        long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 3, "Retry-After within the test's 2 s window: " + retryAfter);
        Thread.sleep(TimeUnit.SECONDS.toMillis(retryAfter));
        assertEquals(303, web.signIn("limited", PortalServer.PASSWORD).statusCode(),
                "the limit has lifted when Retry-After says");
        HttpResponse<String> wrong = new Web(server.baseUrl()).signIn("limited", "not the password");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("Wrong user name or password"));
    }

    @Test
    void badInputGetsAClearFourHundredPageAndChangesNothing() {
        Web member = member();
        Web admin = admin();
        admin.get("/admin/requests");
        SampleTitle show = server.requestableShow(2);
        long before = server.components().requests().total();
        record Case(Web web, String path, Map<String, String> form, int status) {
        }
        List<Case> cases = List.of(
                new Case(member, "/title/tv/" + show.tmdbId() + "/request", member.form("season", "0"), 400),
                new Case(member, "/title/tv/" + show.tmdbId() + "/request", member.form("season", "one"), 400),
                new Case(member, "/title/movie/" + show.tmdbId() + "/request", member.form("season", "1"), 400),
                new Case(member, "/title/book/1/request", member.form(), 404),
                new Case(member, "/title/tv/-5/request", member.form(), 404),
                new Case(member, "/requests/not-a-uuid/cancel", member.form(), 404),
                new Case(member, "/requests/" + UUID.randomUUID() + "/cancel", member.form(), 404),
                new Case(member, "/notifications/" + UUID.randomUUID() + "/read", member.form(), 404),
                new Case(member, "/youtube", member.form("url", "https://example.com/video"), 400),
                new Case(member, "/youtube", member.form("url", "https://youtu.be/dQw4w9WgXcQ", "quality", "8k"), 400),
                new Case(member, "/account/password", member.form("current", PortalServer.PASSWORD, "new",
                        "a-new-password", "confirm", "another"), 400),
                new Case(member, "/account/password", member.form("current", PortalServer.PASSWORD, "new", "short",
                        "confirm", "short"), 400),
                new Case(member, "/admin/requests/bulk", member.form("action", "approve"), 403),
                new Case(admin, "/admin/requests/bulk", admin.form("action", "nuke"), 400),
                new Case(admin, "/admin/requests/bulk", admin.form("action", "approve", "id", "x"), 400),
                new Case(admin, "/admin/requests/" + UUID.randomUUID() + "/approve", admin.form(), 404),
                new Case(admin, "/admin/users/" + UUID.randomUUID(), admin.form("role", "admin"), 404),
                new Case(admin, "/admin/users/" + UUID.randomUUID(), admin.form("role", "god"), 400),
                new Case(member, "/signin", member.form("username", "", "password", ""), 400));
        for (Case k : cases) {
            HttpResponse<String> r = k.web().post(k.path(), k.form());
            assertEquals(k.status(), r.statusCode(), k.path() + " " + k.form() + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), k.path());
            assertTrue(r.body().contains("class=\"error\""), k.path() + " explains what is wrong");
        }
        for (String get : List.of("/search?q=" + "x".repeat(201), "/requests?status=bogus", "/requests?cursor=garbage",
                "/plex/library/abc", "/art?p=/etc/passwd", "/art?p=%2F%3FX-Plex-Token%3D1", "/title/tv/abc",
                "/assets/nope.css")) {
            int s = member.get(get).statusCode();
            assertTrue(s == 400 || s == 404, get + " -> " + s);
        }
        assertEquals(415, member.postRaw("/title/tv/" + show.tmdbId() + "/request", "application/json",
                "{\"_csrf\":\"" + member.csrf + "\"}").statusCode());
        assertEquals(413, member.postRaw("/youtube", "application/x-www-form-urlencoded",
                "_csrf=" + member.csrf + "&url=" + "a".repeat(70_000)).statusCode());
        assertEquals(before, server.components().requests().total(), "no request was created");
        assertEquals(303, new Web(server.baseUrl()).signIn(PortalServer.MEMBER, PortalServer.PASSWORD).statusCode(),
                "the password was not changed");
    }

    @Test
    void whenOverseerrIsDownPagesSayWhatIsNotKnownAndShowWhatIs() {
        SampleTitle movie = server.requestableMovie();
        Web web = member();
        web.get("/title/movie/" + movie.tmdbId());
        assertEquals(303, web.post("/title/movie/" + movie.tmdbId() + "/request", web.form()).statusCode());
        MediaRequestView r = server.components().requestService().active(MediaType.MOVIE, movie.tmdbId()).orElseThrow();
        server.components().integrations().media().clearCache();
        server.upstreams().overseerr().failWith(503);
        try {
            HttpResponse<String> search = web.get("/search?q=zzz-not-cached");
            assertEquals(503, search.statusCode());
            assertTrue(search.body().contains("Overseerr is not answering"), search.body());
            HttpResponse<String> title = web.get("/title/movie/" + movie.tmdbId());
            assertEquals(200, title.statusCode(), "what is known is shown");
            assertTrue(title.body().contains("cannot be loaded right now"));
            assertTrue(title.body().contains("data-status=\"pending\""), "the request's status is still shown");
            assertTrue(title.body().contains(r.title()));
            assertEquals(200, web.get("/requests").statusCode());
            assertEquals(200, web.get("/").statusCode());
        } finally {
            server.upstreams().overseerr().heal();
            server.components().integrations().resilience().reset("overseerr");
        }
    }

    @Test
    void anAdminApprovesInBulkDeclinesWithAReasonAndChangesRoles() {
        var c = server.components();
        var owner = c.accounts().createUser("bulk-owner", PortalServer.PASSWORD, null, Role.USER, "");
        var p = principal(owner.id(), owner.username(), Role.USER);
        List<SampleTitle> movies = unrequestedMovies(3);
        List<MediaRequestView> made = new java.util.ArrayList<>(movies.stream().limit(2)
                .map(t -> c.requestService().create(p, MediaType.MOVIE, t.tmdbId(), t.title(), List.of())).toList());
        Web admin = admin();
        admin.get("/admin/requests");   // the queue page is cached until a request or user changes
        made.add(c.requestService().create(p, MediaType.MOVIE, movies.get(2).tmdbId(), movies.get(2).title(),
                List.of()));
        String queue = admin.get("/admin/requests").body();
        made.forEach(r -> assertTrue(queue.contains("q-" + r.id()), "pending requests are in the queue, the newest "
                + "too"));
        String body = "_csrf=" + enc(admin.csrf) + "&action=approve&id=" + made.get(0).id() + "&id=" + made.get(1).id();
        HttpResponse<String> bulk = admin.postRaw("/admin/requests/bulk", "application/x-www-form-urlencoded", body);
        assertEquals(303, bulk.statusCode());
        assertEquals("/admin/requests?notice=bulk-done", bulk.headers().firstValue("Location").orElse(""));
        assertEquals(RequestStatus.APPROVED, c.requestService().get(p, made.get(0).id()).status());
        assertEquals(RequestStatus.APPROVED, c.requestService().get(p, made.get(1).id()).status());
        String after = admin.get("/admin/requests?notice=bulk-done").body();
        assertFalse(after.contains("q-" + made.get(0).id()) || after.contains("q-" + made.get(1).id()),
                "approved requests leave the queue at once");
        assertTrue(after.contains("q-" + made.get(2).id()));
        HttpResponse<String> again = admin.postRaw("/admin/requests/bulk", "application/x-www-form-urlencoded", body);
        assertEquals("/admin/requests?notice=bulk-partial", again.headers().firstValue("Location").orElse(""),
                "requests no longer pending are reported");

        assertEquals(303, admin.post("/admin/requests/" + made.get(2).id() + "/decline",
                admin.form("reason", "Already on the shelf")).statusCode());
        MediaRequestView declined = c.requestService().get(p, made.get(2).id());
        assertEquals(RequestStatus.DECLINED, declined.status());
        assertEquals("Already on the shelf", declined.declineReason());
        assertFalse(admin.get("/admin/requests").body().contains("q-" + made.get(2).id()),
                "a declined request leaves the queue at once");
        Web ownerTab = new Web(server.baseUrl());
        ownerTab.signIn("bulk-owner", PortalServer.PASSWORD);
        assertTrue(ownerTab.get("/requests?status=declined").body().contains("Reason: Already on the shelf"));

        admin.get("/admin/users");
        assertEquals(303, admin.post("/admin/users/" + owner.id(), admin.form("role", "admin", "status", "active"))
                .statusCode());
        assertEquals(Role.ADMIN, c.users().findById(owner.id()).orElseThrow().role());
        assertEquals(200, ownerTab.get("/admin/requests").statusCode(), "the new role applies to the open session");
        UUID adminId = c.users().findByUsername(PortalServer.ADMIN).orElseThrow().id();
        assertEquals(409, admin.post("/admin/users/" + adminId, admin.form("role", "user")).statusCode(),
                "an admin cannot demote themselves");
    }

    @Test
    void aMembersRequestListShowsEveryChangeAtOnce() {
        var c = server.components();
        var owner = c.accounts().createUser("list-owner", PortalServer.PASSWORD, null, Role.USER, "");
        var p = principal(owner.id(), owner.username(), Role.USER);
        var approver = principal(c.users().findByUsername(PortalServer.ADMIN).orElseThrow().id(), PortalServer.ADMIN,
                Role.ADMIN);
        List<SampleTitle> movies = unrequestedMovies(2);
        MediaRequestView first = c.requestService().create(p, MediaType.MOVIE, movies.get(0).tmdbId(),
                movies.get(0).title(), List.of());
        Web tab = new Web(server.baseUrl());
        assertEquals(303, tab.signIn("list-owner", PortalServer.PASSWORD).statusCode());
        assertEquals("pending", rowStatus(tab.get("/requests").body(), first.id()));   // rows kept for this minute
        assertEquals("pending", rowStatus(tab.get("/").body(), first.id()), "the home page's latest requests");

        MediaRequestView second = c.requestService().create(p, MediaType.MOVIE, movies.get(1).tmdbId(),
                movies.get(1).title(), List.of());
        assertEquals("pending", rowStatus(tab.get("/requests").body(), second.id()), "a new request shows at once");
        assertEquals("pending", rowStatus(tab.get("/").body(), second.id()), "on the home page too");
        c.requestService().approve(approver, first.id());
        String all = tab.get("/requests").body();
        assertEquals("approved", rowStatus(all, first.id()), "an approval shows at once");
        assertEquals("approved", rowStatus(tab.get("/").body(), first.id()), "on the home page too");
        String pending = tab.get("/requests?status=pending").body();
        assertFalse(pending.contains("req-" + first.id()), "the pending filter drops an approved request at once");
        assertTrue(pending.contains("req-" + second.id()));

        assertEquals(303, tab.post("/requests/" + second.id() + "/cancel", tab.form("back", "/requests?status=pending"))
                .statusCode());
        assertFalse(tab.get("/requests?status=pending").body().contains("req-" + second.id()),
                "a cancelled request leaves the list at once");
        assertFalse(member().get("/requests").body().contains("req-" + first.id()),
                "another member never sees this member's rows");
    }

    @Test
    void theUserListShowsEveryAccountChangeAtOnce() {
        var c = server.components();
        UUID adminId = c.users().findByUsername(PortalServer.ADMIN).orElseThrow().id();
        Web admin = admin();
        assertEquals(null, userRow(admin.get("/admin/users?q=roster").body(), "roster-one"));   // rows kept a minute
        var one = c.accounts().createUser("roster-one", PortalServer.PASSWORD, null, Role.USER, "");
        String row = userRow(admin.get("/admin/users?q=roster").body(), "roster-one");
        assertTrue(row != null && row.contains("0 requests") && row.contains("last sign-in never"),
                "a new account shows at once: " + row);

        Web tab = new Web(server.baseUrl());
        assertEquals(303, tab.signIn("roster-one", PortalServer.PASSWORD).statusCode());
        assertTrue(userRow(admin.get("/admin/users?q=roster").body(), "roster-one").contains("last sign-in just now"),
                "a sign-in shows at once");
        var p = principal(one.id(), one.username(), Role.USER);
        SampleTitle movie = server.requestableMovie();
        c.requestService().create(p, MediaType.MOVIE, movie.tmdbId(), movie.title(), List.of());
        assertTrue(userRow(admin.get("/admin/users?q=roster").body(), "roster-one").contains("1 request "),
                "a new request is counted at once");

        assertEquals(303, admin.post("/admin/users/" + one.id(), admin.form("role", "admin", "status", "suspended"))
                .statusCode());
        row = userRow(admin.get("/admin/users?q=roster").body(), "roster-one");
        assertTrue(row.contains("<option value=\"admin\" selected>") && row.contains(
                "<option value=\"suspended\" selected>"), "a role and status change shows at once: " + row);
        c.accounts().delete(adminId, one.id());
        assertEquals(null, userRow(admin.get("/admin/users?q=roster").body(), "roster-one"),
                "a deleted account leaves the list at once");

        assertTrue(admin.get("/admin/users").body().contains("id=\"u-" + PortalServer.ADMIN + "\""));
        assertFalse(admin.get("/admin/users?q=null").body().contains("id=\"u-" + PortalServer.ADMIN + "\""),
                "a search for \"null\" is a search, not the list without one");
    }

    @Test
    void pagesWithKeptListsComeCompressedAsTheSamePage() throws Exception {
        var c = server.components();
        var p = principal(c.users().findByUsername(PortalServer.MEMBER).orElseThrow().id(), PortalServer.MEMBER,
                Role.USER);
        SampleTitle movie = unrequestedMovies(1).getFirst();
        c.requestService().create(p, MediaType.MOVIE, movie.tmdbId(), movie.title(), List.of());
        Web admin = admin();
        Web member = member();
        for (String path : List.of("/admin/requests", "/admin/users", "/requests", "/requests?status=pending")) {
            Web tab = path.startsWith("/admin") ? admin : member;
            for (int attempt = 0; ; attempt++) {
                long minute = System.currentTimeMillis() / 60_000;
                HttpResponse<byte[]> first = tab.getCompressed(path);   // renders and compresses the rows
                String plain = tab.get(path).body();
                HttpResponse<byte[]> again = tab.getCompressed(path);   // the rows compressed before
                if (minute != System.currentTimeMillis() / 60_000 && attempt == 0) {
                    continue;   // the rows say how many minutes ago: a new minute renders them anew
                }
                assertTrue(plain.contains("<li class=\"req") || plain.contains("<li class=\"user"), path + " has rows");
                for (HttpResponse<byte[]> gz : List.of(first, again)) {
                    assertEquals(200, gz.statusCode(), path);
                    assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""), path);
                    String page = new String(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(),
                            StandardCharsets.UTF_8);
                    assertEquals(plain, page, path + " decompresses to the same page");
                    assertTrue(gz.body().length < plain.length() / 2, path + " compresses");
                }
                break;
            }
        }
    }

    /** The row of {@code username} on the user list, or null when it is not there. */
    private static String userRow(String page, String username) {
        Matcher m = Pattern.compile("<li class=\"user\" id=\"u-" + Pattern.quote(username) + "\">(.*?)</li>",
                Pattern.DOTALL).matcher(page);
        return m.find() ? m.group(1) : null;
    }

    /** A signed-in person as the services see one (no session, no API key). */
    private static app.medianest.server.http.Principal principal(UUID id, String username, Role role) {
        return new app.medianest.server.http.Principal(id, username, null, role, null, null, null, null);
    }

    /** {@code count} movies of the fake Overseerr's catalogue not in the library and not requested yet. */
    private static List<SampleTitle> unrequestedMovies(int count) {
        var requests = server.components().requestService();
        return server.upstreams().overseerr().catalog().movies().stream()
                .filter(t -> !t.inLibrary() && requests.active(MediaType.MOVIE, t.tmdbId()).isEmpty())
                .limit(count).toList();
    }

    /** The status a request's row on a "my requests" page shows, or null when the row is not there. */
    private static String rowStatus(String page, UUID id) {
        Matcher m = Pattern.compile("id=\"req-" + id + "\".*?data-status=\"(\\w+)\"", Pattern.DOTALL).matcher(page);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void theStatusPageShowsEveryServiceWithItsUptime() {
        var services = server.components().serviceStatus().findAll();
        assertFalse(services.isEmpty(), "the simulated Uptime Kuma was polled");
        String page = member().get("/status").body();
        for (var s : services) {
            assertTrue(page.contains(">" + Fmt.serviceName(s) + "<"), Fmt.serviceName(s));
            if (s.uptime24h() != null) {
                assertTrue(page.contains(String.format(java.util.Locale.ROOT, "%.1f %%", s.uptime24h())),
                        s.displayName() + " uptime " + s.uptime24h());
            }
        }
        assertTrue(member().get("/").body().contains("services are up") || services.stream()
                .anyMatch(s -> s.status() != app.medianest.model.ServiceState.UP), "the home page's status line");
    }

    @Test
    void plexArtworkGoesThroughTheServerAndIsCached() {
        String thumb = server.components().integrations().plex().recentlyAdded(5).stream()
                .map(i -> i.thumb()).filter(t -> t != null).findFirst().orElseThrow();
        Web web = member();
        long before = server.upstreams().plex().requestCount(thumb);
        HttpResponse<String> first = web.get("/art?p=" + enc(thumb));
        assertEquals(200, first.statusCode());
        assertEquals("image/png", first.headers().firstValue("Content-Type").orElse(""));
        assertEquals(200, web.get("/art?p=" + enc(thumb)).statusCode());
        assertEquals(before + 1, server.upstreams().plex().requestCount(thumb), "the second view came from the cache");
        assertTrue(web.get("/").body().contains("/art?p=" + enc(thumb)), "pages link the proxy, never Plex");
        assertEquals(303, new Web(server.baseUrl()).get("/art?p=" + enc(thumb)).statusCode(), "members only");
    }
}
