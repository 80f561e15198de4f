package app.medianest.server.portal;

import app.medianest.fakes.SampleTitle;
import app.medianest.model.MediaRequestView;
import app.medianest.model.MediaType;
import app.medianest.model.RequestStatus;
import app.medianest.server.testing.Browser;
import app.medianest.server.testing.PortalServer;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core flows in a real headless Chromium with JavaScript turned off (plain forms and links, POST-redirect-GET),
 * and a form posted from another origin, which the portal refuses without changing anything.
 */
class PortalNoScriptTest {
    private static final Duration PAGE = Duration.ofSeconds(10);

    private static PortalServer server;
    private static Browser browser;
    private static HttpServer otherSite;

    @BeforeAll
    static void start() throws IOException {
        server = PortalServer.start(true, Map.of());
        browser = Browser.start(server.baseUrl(), false);
        otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherSite.start();
    }

    @AfterAll
    static void stop() {
        if (otherSite != null) {
            otherSite.stop(0);
        }
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void scriptsAreReallyOff() {
        browser.open("/signin");
        Object classes = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.className;");
        assertEquals("", classes, "the portal's script (which marks the page with class 'js') did not run");
    }

    @Test
    void aPosterThatCannotLoadKeepsItsBoxWithoutJavascript() {
        SampleTitle movie = server.requestableMovie();
        browser.signIn(PortalServer.MEMBER, PortalServer.PASSWORD);
        browser.size(360, 800);
        try {
            browser.open("/title/movie/" + movie.tmdbId());
            assertFalse(browser.all("img.poster").isEmpty(), "the title page shows its TMDB poster");
            // TMDB is unreachable here: the browser shows the alt text inside the image's box.
            browser.waitFor(PAGE, d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "var i = document.querySelector('img.poster'); return i.complete && i.naturalWidth === 0;")));
            var size = browser.find("img.poster").getSize();
            assertTrue(size.getWidth() <= 200 && size.getHeight() >= size.getWidth() * 1.4
                    && size.getHeight() <= size.getWidth() * 1.6, "the broken poster keeps its 2:3 box: " + size);
            // The alt text is drawn inside the box; it must be clipped to it and small, not spill over the page.
            Object clipped = ((JavascriptExecutor) browser.driver()).executeScript(
                    "var cs = getComputedStyle(document.querySelector('img.poster'));"
                            + " return cs.overflow + ' ' + parseFloat(cs.fontSize);");
            String[] style = String.valueOf(clipped).split(" ");
            assertTrue(("hidden".equals(style[0]) || "clip".equals(style[0])) && Double.parseDouble(style[1]) <= 13,
                    "the broken poster clips its alt text in small print: " + clipped);
            Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, ((Number) overflow).longValue(), "nothing spills out sideways at 360 px");
        } finally {
            browser.size(1280, 900);
        }
    }

    @Test
    void signInSearchRequestAndCancelWorkWithoutJavascript() {
        SampleTitle movie = server.requestableMovie();
        browser.signIn(PortalServer.MEMBER, PortalServer.PASSWORD);
        assertEquals("/", browser.path());
        assertTrue(browser.text("h1").contains(PortalServer.MEMBER));

        browser.find("#q").sendKeys(movie.title());
        browser.find("form[role=search] button").click();
        browser.waitFor(PAGE, d -> browser.path().startsWith("/search?q="));
        browser.find("a[href='/title/movie/" + movie.tmdbId() + "']").click();
        browser.waitFor(PAGE, d -> browser.path().equals("/title/movie/" + movie.tmdbId()));
        browser.find("#request-button").click();
        browser.waitFor(PAGE, d -> browser.path().endsWith("notice=requested"));
        assertEquals("Pending", browser.text("#request-status"));
        MediaRequestView r = server.components().requestService().active(MediaType.MOVIE, movie.tmdbId()).orElseThrow();
        assertEquals(RequestStatus.PENDING, r.status());

        browser.open("/requests?status=pending");
        assertTrue(browser.text("#req-" + r.id()).contains(movie.title()));
        browser.find("#req-" + r.id() + " form button").click();
        browser.waitFor(PAGE, d -> browser.path().contains("notice=cancelled"));
        assertTrue(browser.path().startsWith("/requests?status=pending"), "back to the same filtered list");
        assertTrue(browser.all("#req-" + r.id()).isEmpty(), "the cancelled request is gone from the list");
        assertTrue(server.components().requestService().active(MediaType.MOVIE, movie.tmdbId()).isEmpty());
    }

    @Test
    void aFormFromAnotherOriginIsRefusedAndChangesNothing() {
        SampleTitle movie = server.requestableMovie();
        browser.signIn(PortalServer.MEMBER, PortalServer.PASSWORD);
        browser.open("/title/movie/" + movie.tmdbId());
        browser.find("#request-button").click();
        browser.waitFor(PAGE, d -> browser.path().endsWith("notice=requested"));
        MediaRequestView r = server.components().requestService().active(MediaType.MOVIE, movie.tmdbId()).orElseThrow();

        // A page on another origin (same host, other port: same-site, so the Lax cookie is sent) with a form that
        // cancels the request, without the CSRF token.
        String page = "<!doctype html><title>Free movies</title><form method=post action=\"" + server.url("/requests/"
                + r.id() + "/cancel") + "\"><input type=hidden name=back value=/><button id=go>Win</button></form>";
        otherSite.createContext("/attack", ex -> {
            byte[] b = page.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        browser.driver().get("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/attack");
        browser.find("#go").click();
        browser.waitFor(PAGE, d -> browser.driver().getCurrentUrl().startsWith(server.baseUrl()));
        assertEquals("403", browser.find(".error").getAttribute("data-status"));
        assertTrue(browser.text(".error").contains("another site"), browser.text(".error"));
        assertEquals(RequestStatus.PENDING, server.components().requestService().active(MediaType.MOVIE,
                movie.tmdbId()).orElseThrow().status(), "the request was not cancelled");
    }
}
