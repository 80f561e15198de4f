package app.medianest.server.portal;

import app.medianest.server.testing.Browser;
import app.medianest.server.testing.BrowserViews;
import app.medianest.server.testing.PortalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal's page weight, measured in the real browser with an empty cache: the first visit to the home page
 * (signed in, and signed out, where it is the sign-in page) transfers at most 150 KB compressed, posters excepted,
 * counted with the Resource Timing API's {@code transferSize} (headers plus compressed body of every response).
 * And every static asset the pages name is served compressed, under a name carrying the hash of its content, with
 * {@code Cache-Control: immutable}. Prints the table of what the first visit loads.
 */
class PortalPageWeightTest {
    /** The budget of the issue: 150 KB, counted as 150,000 bytes (the stricter reading). */
    static final long BUDGET = 150_000;
    private static final Pattern ASSET = Pattern.compile("/assets/([a-z0-9-]+)\\.([0-9a-f]{12})\\.([a-z]+)");
    private static final Set<String> TEXT = Set.of("css", "js", "svg", "webmanifest");

    private static PortalServer server;
    private static Browser browser;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One response of a page load. */
    record Loaded(String url, String type, long transfer, long encoded, long decoded) {
        /**
         * The bytes on the wire: {@code transferSize}, or for a response Chrome fetches outside the page's own loader
         * (the web app manifest, reported with transferSize 0) its compressed body plus 300 bytes of headers.
         */
        long bytes() {
            return transfer > 0 ? transfer : encoded > 0 ? encoded + 300 : 0;
        }

        boolean poster() {
            return url.contains("/art?") || url.startsWith("https://image.tmdb.org/");
        }
    }

    @BeforeAll
    static void start() {
        server = PortalServer.start(true, Map.of());
        browser = Browser.start(server.baseUrl());
        BrowserViews.viewport(browser, BrowserViews.PHONE);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theFirstVisitToTheHomePageTransfersAtMost150KbPostersExcepted() {
        browser.signIn(PortalServer.MEMBER, PortalServer.PASSWORD);
        List<Loaded> home = firstVisit("/");
        assertEquals("/", browser.path());
        assertTrue(home.stream().anyMatch(l -> l.url().contains("/assets/app.") && l.url().endsWith(".css")),
                "the stylesheet was loaded from the network: " + home);
        assertWithinBudget("home page, signed in", home);

        browser.driver().manage().deleteAllCookies();
        List<Loaded> signedOut = firstVisit("/");
        assertTrue(browser.path().startsWith("/signin"), "signed out, the home page is the sign-in page");
        assertWithinBudget("home page, signed out (sign-in page)", signedOut);
    }

    private static void assertWithinBudget(String what, List<Loaded> loaded) {
        long total = 0;
        long posters = 0;
        StringBuilder table = new StringBuilder(System.lineSeparator() + "First visit, empty cache: " + what
                + System.lineSeparator());
        table.append(String.format("%-70s %-14s %9s %9s %9s%n", "resource", "type", "transfer", "body", "decoded"));
        for (Loaded l : loaded) {
            table.append(String.format(Locale.ROOT, "%-70s %-14s %9d %9d %9d%s%n", shorten(l.url()), l.type(),
                    l.bytes(), l.encoded(), l.decoded(), l.poster() ? "  (poster, excepted)" : ""));
            if (l.poster()) {
                posters += l.bytes();
            } else {
                total += l.bytes();
                if (l.url().contains("/assets/") && TEXT.contains(ext(l.url()))) {
                    assertTrue(l.encoded() < l.decoded(), "compressed on the wire: " + l);
                }
            }
        }
        table.append(String.format(Locale.ROOT, "total %,d bytes (budget %,d), posters excepted (%,d bytes)%n",
                total, BUDGET, posters));
        System.out.print(table);
        System.out.flush();
        assertTrue(total <= BUDGET, what + " transfers " + total + " bytes, more than " + BUDGET);
    }

    /**
     * Opens {@code path} with the browser's caches (disk and memory) emptied and bypassed, like DevTools' "Disable
     * cache", and returns every response the page load transferred.
     */
    @SuppressWarnings("unchecked")
    private static List<Loaded> firstVisit(String path) {
        BrowserViews.clearCache(browser);
        BrowserViews.cdp(browser, "Network.setCacheDisabled", Map.of("cacheDisabled", true));
        try {
            browser.open(path);
            browser.waitFor(Duration.ofSeconds(10), d -> ((JavascriptExecutor) d)
                    .executeScript("return document.readyState").equals("complete"));
            // What loads after the load event (the manifest, icons) is counted too: wait until nothing new has
            // arrived for half a second.
            long[] seen = {-1, System.nanoTime()};
            browser.waitFor(Duration.ofSeconds(10), d -> {
                long n = ((Number) ((JavascriptExecutor) d).executeScript(
                        "return performance.getEntriesByType('resource').length")).longValue();
                if (n != seen[0]) {
                    seen[0] = n;
                    seen[1] = System.nanoTime();
                }
                return System.nanoTime() - seen[1] >= Duration.ofMillis(500).toNanos();
            });
        } finally {
            BrowserViews.cdp(browser, "Network.setCacheDisabled", Map.of("cacheDisabled", false));
        }
        List<Map<String, Object>> entries = (List<Map<String, Object>>) ((JavascriptExecutor) browser.driver())
                .executeScript("""
                        return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                          .map(function (e) { return {url: e.name, type: e.initiatorType, transfer: e.transferSize,
                            encoded: e.encodedBodySize, decoded: e.decodedBodySize}; });
                        """);
        List<Loaded> out = new ArrayList<>();
        for (Map<String, Object> e : entries) {
            out.add(new Loaded((String) e.get("url"), (String) e.get("type"), num(e.get("transfer")),
                    num(e.get("encoded")), num(e.get("decoded"))));
        }
        assertTrue(!out.isEmpty() && out.getFirst().transfer() > 0, "the page itself came over the network");
        assertTrue(out.stream().filter(l -> l.url().contains("/assets/app.")).allMatch(l -> l.transfer() > 0),
                "the stylesheet and script came over the network, not from a cache: " + out);
        return out;
    }

    @Test
    void staticAssetsAreCompressedHashedAndCachedForever() throws Exception {
        Set<String> urls = new LinkedHashSet<>(assetUrls(get("/signin", false).body()));
        String manifestUrl = urls.stream().filter(u -> u.endsWith(".webmanifest")).findFirst().orElseThrow(
                () -> new AssertionError("the pages link a web app manifest: " + urls));
        urls.addAll(assetUrls(new String(get(manifestUrl, false).body(), java.nio.charset.StandardCharsets.UTF_8)));
        Set<String> kinds = new LinkedHashSet<>();
        for (String url : urls) {
            Matcher m = ASSET.matcher(url);
            assertTrue(m.matches(), "asset name carries a content hash: " + url);
            kinds.add(m.group(3));
            HttpResponse<byte[]> plain = get(url, false);
            assertEquals(200, plain.statusCode(), url);
            byte[] content = plain.body();
            assertEquals(m.group(2), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0,
                    6), "the hash in the name is the content's: " + url);
            String cache = plain.headers().firstValue("Cache-Control").orElse("");
            assertTrue(cache.contains("immutable") && cache.contains("max-age=31536000"), url + ": " + cache);

            HttpResponse<byte[]> zipped = get(url, true);
            assertEquals(cache, zipped.headers().firstValue("Cache-Control").orElse(""));
            if (TEXT.contains(m.group(3))) {
                assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""),
                        "served compressed: " + url);
                assertTrue(zipped.body().length < content.length, url);
                try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
                    assertArrayEquals(content, in.readAllBytes(), "the compressed bytes are the same file: " + url);
                }
                assertTrue(zipped.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")));
            }
            String stale = url.replace("." + m.group(2) + ".", ".000000000000.");
            assertEquals(404, get(stale, false).statusCode(), "an old hash is not served as the new file: " + stale);
        }
        assertTrue(kinds.containsAll(List.of("css", "js", "svg", "png", "webmanifest")), "assets checked: " + urls);

        HttpResponse<byte[]> page = get("/signin", true);
        assertEquals("gzip", page.headers().firstValue("Content-Encoding").orElse(""), "pages are compressed too");
        assertTrue(page.headers().firstValue("Cache-Control").map(c -> !c.contains("immutable")).orElse(true),
                "a page is never cached as immutable");
    }

    private static List<String> assetUrls(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = ASSET.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static List<String> assetUrls(byte[] html) {
        return assetUrls(new String(html, java.nio.charset.StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> get(String path, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(10));
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String ext(String url) {
        return url.substring(url.lastIndexOf('.') + 1);
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static String shorten(String url) {
        String u = url.startsWith(server.baseUrl()) ? url.substring(server.baseUrl().length()) : url;
        return u.length() > 70 ? u.substring(0, 67) + "..." : u;
    }
}
