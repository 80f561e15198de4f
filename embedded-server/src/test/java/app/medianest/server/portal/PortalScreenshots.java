package app.medianest.server.portal;

import app.medianest.fakes.SampleTitle;
import app.medianest.model.MediaType;
import app.medianest.server.http.Principal;
import app.medianest.server.testing.Browser;
import app.medianest.server.testing.BrowserViews;
import app.medianest.server.testing.PortalPages;
import app.medianest.server.testing.PortalPages.Viewer;
import app.medianest.server.testing.PortalServer;
import app.medianest.server.users.User;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes the portal's screenshots to {@code docs/screenshots/portal/}: every page at phone width (390 px), and the
 * home, search, title and approval pages also at desktop width (1280 px) and in dark mode (at phone size the first
 * screen only), from the real server
 * with the demo's simulated upstreams and sample data, a member with requests in every state, and a YouTube
 * download in progress. Not part of the normal test run (the class name does not end in Test); run it with
 * {@code bench/portal-quality.sh screenshots} (see docs/portal-quality.md).
 */
class PortalScreenshots {
    /** The pages also shot at desktop width and in dark mode. */
    static final Set<String> FEATURED = Set.of("home", "search", "title-tv", "admin-approvals");
    private static final int MAX_HEIGHT = 2400;

    @Test
    void writeEveryPage() throws IOException {
        Path dir = Path.of(System.getProperty("medianest.screenshots",
                Path.of("").toAbsolutePath().getParent().resolve("docs/screenshots/portal").toString()));
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(p);
            }
        }
        List<String> written = new ArrayList<>();
        try (PortalServer server = PortalServer.start(true, Map.of());
             Browser browser = Browser.start(server.baseUrl())) {
            memberActivity(server);
            for (Viewer viewer : Viewer.values()) {
                BrowserViews.become(browser, viewer);
                for (PortalPages.Page page : PortalPages.of(server, viewer)) {
                    if (page.name().equals("youtube")) {
                        startDownload(browser);
                    }
                    written.add(shoot(browser, dir, page, BrowserViews.PHONE, false));
                    if (FEATURED.contains(page.name())) {
                        written.add(shoot(browser, dir, page, BrowserViews.DESKTOP, false));
                        written.add(shoot(browser, dir, page, BrowserViews.PHONE, true));
                        written.add(shoot(browser, dir, page, BrowserViews.DESKTOP, true));
                    }
                }
                BrowserViews.colorScheme(browser, false);
            }
            assertEquals(PortalPages.all(server).size() + 3 * FEATURED.size(), written.size());
        }
        System.out.println("Wrote " + written.size() + " screenshots to " + dir + ":");
        written.forEach(f -> System.out.println("  " + f));
    }

    private static String shoot(Browser b, Path dir, PortalPages.Page page, BrowserViews.Viewport size,
                                boolean dark) {
        BrowserViews.viewport(b, size);
        BrowserViews.colorScheme(b, dark);
        b.open(page.path());
        assertTrue(!b.path().startsWith("/signin") || page.path().startsWith("/signin"), page + " opened");
        // Lazy images below the fold would be blank in a full-page shot: load them all, then wait (a poster that
        // cannot load shows as the page shows it to a visitor).
        var js = (org.openqa.selenium.JavascriptExecutor) b.driver();
        js.executeScript("document.querySelectorAll('img[loading=lazy]').forEach(function (i) { i.loading = 'eager'; })");
        try {
            b.waitFor(Duration.ofSeconds(5), d -> (Boolean) js.executeScript("return document.readyState === 'complete'"
                    + " && Array.prototype.every.call(document.images, function (i) { return i.complete; })"));
        } catch (org.openqa.selenium.TimeoutException e) {
            System.out.println(page.name() + ": some pictures did not load within 5 s");
        }
        String file = page.name() + "-" + size.name() + (dark ? "-dark" : "") + ".png";
        // Dark mode at phone size: the first screen, as the phone shows it (the README places these side by side).
        int height = dark && size.mobile() ? size.height() : MAX_HEIGHT;
        long bytes = BrowserViews.screenshot(b, dir.resolve(file), size.width(), height);
        assertTrue(bytes > 1000, file + " has content");
        return String.format(Locale.ROOT, "%-40s %,8d bytes", file, bytes);
    }

    /** The member's requests in each state (pending, approved, declined with a reason) and their notifications. */
    private static void memberActivity(PortalServer server) {
        var c = server.components();
        User member = c.users().findByUsername(PortalServer.MEMBER).orElseThrow();
        User admin = c.users().findByUsername(PortalServer.ADMIN).orElseThrow();
        Principal m = c.sessions().bySession(c.sessions().issue(member.id(), false, "127.0.0.1", "screenshots")
                .token());
        Principal a = c.sessions().bySession(c.sessions().issue(admin.id(), false, "127.0.0.1", "screenshots")
                .token());
        SampleTitle show = server.requestableShow(2);
        c.requestService().create(m, MediaType.TV, show.tmdbId(), show.title(), List.of(1, 2));
        SampleTitle approved = server.requestableMovie();
        var r1 = c.requestService().create(m, MediaType.MOVIE, approved.tmdbId(), approved.title(), List.of());
        SampleTitle declined = server.requestableMovie();
        var r2 = c.requestService().create(m, MediaType.MOVIE, declined.tmdbId(), declined.title(), List.of());
        SampleTitle pending = server.requestableMovie();
        c.requestService().create(m, MediaType.MOVIE, pending.tmdbId(), pending.title(), List.of());
        c.requestService().approve(a, r1.id());
        c.requestService().decline(a, r2.id(), "Already on the shelf as a Blu-ray");
    }

    /** Queues a YouTube download through the page, so the downloads page shows one in progress. */
    private static void startDownload(Browser b) {
        b.open("/youtube");
        b.find("#url").sendKeys("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        b.find("form[action='/youtube'] button[type=submit]").click();
        b.waitFor(Duration.ofSeconds(10), d -> !b.all(".download").isEmpty());
        b.waitFor(Duration.ofSeconds(10), d -> !b.all(".download progress:not([value='0'])").isEmpty());
    }
}
