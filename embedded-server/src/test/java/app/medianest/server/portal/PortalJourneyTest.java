package app.medianest.server.portal;

import app.medianest.fakes.OverseerrUser;
import app.medianest.fakes.OverseerrWebhook;
import app.medianest.fakes.PlexAccount;
import app.medianest.fakes.SampleTitle;
import app.medianest.model.MediaRequestView;
import app.medianest.model.MediaType;
import app.medianest.model.RequestStatus;
import app.medianest.model.Role;
import app.medianest.server.testing.Browser;
import app.medianest.server.testing.LogCapture;
import app.medianest.server.testing.PortalPages;
import app.medianest.server.testing.PortalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The family portal end to end in a real headless Chromium with JavaScript on, against the real server and the
 * simulated upstreams: a request followed live from pending to approved to available, Plex sign-in through the
 * simulated plex.tv in a popup, a YouTube download with live progress, and every page of the catalogue rendering
 * without script or Content-Security-Policy errors.
 */
class PortalJourneyTest {
    private static final Duration LIVE = Duration.ofSeconds(2);

    private static PortalServer server;
    private static Browser member;
    private static Browser admin;

    @BeforeAll
    static void start() {
        server = PortalServer.start(false, Map.of());
        member = Browser.start(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (member != null) {
            member.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static Browser admin() {
        if (admin == null) {
            admin = Browser.start(server.baseUrl());
        }
        return admin;
    }

    /** Marks the open page so a later check can tell it was not reloaded. */
    private static void mark(Browser b) {
        ((JavascriptExecutor) b.driver()).executeScript("window.__notReloaded = true;");
    }

    private static boolean stillSamePage(Browser b) {
        return Boolean.TRUE.equals(((JavascriptExecutor) b.driver()).executeScript("return window.__notReloaded === true;"));
    }

    @Test
    void aRequestIsFollowedLiveFromPendingToApprovedToAvailable() throws Exception {
        SampleTitle show = server.requestableShow(2);
        member.signIn(PortalServer.MEMBER, PortalServer.PASSWORD);
        assertEquals("js", ((JavascriptExecutor) member.driver()).executeScript(
                "return document.documentElement.className;"), "the portal's script runs in this browser");
        member.find("#q").sendKeys(show.title());
        member.find("form[role=search] button").click();
        member.waitFor(Duration.ofSeconds(10), d -> member.path().startsWith("/search"));
        member.find("a[href='/title/tv/" + show.tmdbId() + "']").click();
        member.waitFor(Duration.ofSeconds(10), d -> member.path().startsWith("/title/tv/" + show.tmdbId()));
        List<WebElement> seasons = member.all("input[name=season]");
        assertEquals(2, seasons.size(), "a two-season show offers two seasons");
        seasons.forEach(WebElement::click);
        member.find("#request-button").click();
        member.waitFor(Duration.ofSeconds(10), d -> !member.all("#request-status").isEmpty());
        assertEquals("Pending", member.text("#request-status"));
        assertTrue(member.text(".notice").startsWith("Requested"));
        MediaRequestView stored = server.components().requestService().active(MediaType.TV, show.tmdbId()).orElseThrow();
        assertEquals(RequestStatus.PENDING, stored.status());
        assertEquals(List.of(1, 2), stored.seasons());

        assertTrue(member.all("#bell .count").isEmpty(), "no unread notification yet");
        // The page opens its live stream 800 ms after it loads, and a new stream is not sent what it missed:
        // the approval must come after the stream is open (the count of open streams settles once it is).
        quietStreams();
        mark(member);
        Browser a = admin().signIn(PortalServer.ADMIN, PortalServer.PASSWORD);
        a.open("/admin/requests");
        a.find("#q-" + stored.id() + " form[action$='/approve'] button").click();
        a.waitFor(Duration.ofSeconds(10), d -> a.path().contains("notice=approved"));
        long approvedAt = System.nanoTime();
        member.waitFor(LIVE, d -> member.text("#request-status").equals("Approved")
                && member.all("#bell .count").size() == 1 && member.text("#bell .count").equals("1"));
        long ms = (System.nanoTime() - approvedAt) / 1_000_000;
        System.out.println("portal: member's page showed 'Approved' and 1 unread notification " + ms
                + " ms after the admin's approval");
        assertTrue(stillSamePage(member), "the member's page updated without a reload");
        assertTrue(a.all("#q-" + stored.id()).isEmpty(), "the approved request left the queue");

        Integer overseerrId = server.components().database().jdbc().withHandle(h ->
                server.components().requests().overseerrId(h, stored.id())).orElse(90_001);
        String hook = OverseerrWebhook.of(OverseerrWebhook.Type.MEDIA_AVAILABLE, show, overseerrId,
                new OverseerrUser(2, "family", "family@example.home", false)).withSeasons(List.of(1, 2)).toJson();
        var res = server.http().post("/api/v1/webhooks/overseerr", hook, "Authorization", PortalServer.WEBHOOK_SECRET);
        assertEquals(200, res.status(), res.body());
        long hookAt = System.nanoTime();
        member.waitFor(LIVE, d -> member.text("#request-status").equals("Available"));
        System.out.println("portal: member's page showed 'Available' " + (System.nanoTime() - hookAt) / 1_000_000
                + " ms after the webhook");
        assertTrue(stillSamePage(member), "the member's page updated without a reload");
    }

    @Test
    void plexSignInRunsInAPopupThroughPlexTv() {
        member.driver().manage().deleteAllCookies();
        member.open("/signin");
        String main = member.driver().getWindowHandle();
        member.find("#plex-signin").click();
        member.waitFor(Duration.ofSeconds(10), d -> d.getWindowHandles().size() == 2);
        String popup = member.driver().getWindowHandles().stream().filter(h -> !h.equals(main)).findFirst()
                .orElseThrow();
        member.driver().switchTo().window(popup);
        member.waitFor(Duration.ofSeconds(10), d -> !member.all("#plex-code").isEmpty());
        String code = member.text("#plex-code");
        int pinId = server.upstreams().plexTv().lastPinId().orElseThrow();
        assertEquals(code, server.upstreams().plexTv().pinCode(pinId).orElseThrow(), "the popup shows plex.tv's code");
        PlexAccount account = PlexAccount.of("grandma", "grandma-plex-token");
        server.upstreams().plexTv().authorizePin(pinId, account);
        member.driver().switchTo().window(main);
        member.waitFor(Duration.ofSeconds(15), d -> member.path().equals("/") && !member.all("h1").isEmpty()
                && member.text("h1").contains("grandma"));
        member.waitFor(Duration.ofSeconds(5), d -> d.getWindowHandles().size() == 1);
        assertFalse(member.driver().getPageSource().contains(account.authToken()), "the Plex token stays on the server");
        var user = server.components().users().findByUsername("grandma").orElseThrow();
        assertEquals(Role.USER, user.role());
        assertEquals(String.valueOf(account.id()), user.plexId());
    }

    @Test
    void aYoutubeDownloadShowsLiveProgress() {
        member.signIn(PortalServer.MEMBER, PortalServer.PASSWORD);
        member.open("/youtube");
        assertTrue(member.text("main").contains("per hour"), "the hourly limit is explained");
        member.find("#url").sendKeys("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        member.find("form[action='/youtube'] button[type=submit]").click();
        member.waitFor(Duration.ofSeconds(10), d -> member.path().contains("notice=download-queued"));
        mark(member);
        Set<String> seen = new LinkedHashSet<>();
        member.waitFor(Duration.ofSeconds(30), d -> {
            List<WebElement> rows = member.all(".download");
            if (rows.isEmpty()) {
                return false;
            }
            WebElement row = rows.getFirst();
            String status = row.getAttribute("data-status");
            List<WebElement> pct = row.findElements(org.openqa.selenium.By.cssSelector(".pct"));
            if (!pct.isEmpty()) {
                seen.add(pct.getFirst().getText());
            }
            return "completed".equals(status);
        });
        System.out.println("portal: progress values seen without reload: " + seen);
        assertTrue(seen.stream().filter(p -> !p.equals("0 %")).count() >= 2,
                "at least two different progress values appeared live: " + seen);
        assertTrue(stillSamePage(member), "progress arrived without a reload");
    }

    @Test
    void postersThatCannotLoadShowThePlaceholder() {
        SampleTitle show = server.requestableShow(2);
        member.signIn(PortalServer.MEMBER, PortalServer.PASSWORD);
        member.open("/search?q=" + java.net.URLEncoder.encode(show.title(), java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(member.all("#results img").isEmpty(), "the search results carry TMDB posters");
        // Posters come from TMDB, which the test machine cannot reach.
        member.waitFor(Duration.ofSeconds(15), d -> member.all("#results img").stream()
                .allMatch(img -> img.getAttribute("class") != null && img.getAttribute("class").contains("failed")));
        for (WebElement img : member.all("#results img")) {
            assertFalse(img.isDisplayed(), "a poster that failed is hidden");
        }
        List<WebElement> placeholders = member.all("#results .noposter");
        assertEquals(member.all("#results img").size(), placeholders.size(), "each failed poster has a placeholder");
        for (WebElement p : placeholders) {
            assertTrue(p.isDisplayed() && p.getSize().getHeight() > p.getSize().getWidth(),
                    "the placeholder is a poster-shaped box: " + p.getSize());
        }
    }

    /** Open live streams once the count has not moved for 5 s (two liveness probes and a margin), at most 30 s. */
    private static int quietStreams() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int last = server.components().events().openStreams();
        long since = System.nanoTime();
        while (System.nanoTime() - since < Duration.ofSeconds(5).toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            int now = server.components().events().openStreams();
            if (now != last) {
                last = now;
                since = System.nanoTime();
            }
        }
        return last;
    }

    @Test
    void leavingAPageWithLiveUpdatesEndsItsStreamQuietly() throws Exception {
        member.signIn(PortalServer.MEMBER, PortalServer.PASSWORD);
        // Off the portal until no stream is left to end: one still ending while the loop runs would cancel out the
        // new page's stream in the count.
        member.driver().get("about:blank");
        int before = quietStreams();
        try (LogCapture log = new LogCapture()) {
            var events = server.components().events();
            for (int i = 0; i < 3; i++) {
                for (String page : List.of("/requests", "/youtube")) {
                    long opened = events.streamsOpened();
                    member.open(page);
                    member.waitFor(Duration.ofSeconds(5), d -> !member.all("body[data-live]").isEmpty());
                    // The page opens its stream after a moment; it is left as soon as the stream is open.
                    member.waitFor(Duration.ofSeconds(5), d -> events.streamsOpened() > opened);
                }
            }
            // Away from the portal (every signed-in portal page has its own stream, for the notification bell):
            // each left page's stream ends when the server's next probe write finds the client gone.
            member.driver().get("about:blank");
            member.waitFor(Duration.ofSeconds(15), d -> server.components().events().openStreams() <= before);
            quietStreams();
            List<String> bad = log.lines().stream().filter(l -> l.contains("SEVERE") || l.contains("ERROR")
                    || l.contains("Cannot set response header") || l.contains("\tat ")).toList();
            assertTrue(bad.isEmpty(), "closing the live stream is the normal end, not an error:\n"
                    + String.join("\n", bad));
        }
    }

    @Test
    void everyPageRendersWithoutScriptOrPolicyErrors() {
        List<String> problems = new ArrayList<>();
        member.driver().manage().deleteAllCookies();
        member.consoleLog();
        for (PortalPages.Viewer viewer : PortalPages.Viewer.values()) {
            switch (viewer) {
                case SIGNED_OUT -> member.driver().manage().deleteAllCookies();
                case MEMBER -> member.signIn(PortalServer.MEMBER, PortalServer.PASSWORD);
                case ADMIN -> member.signIn(PortalServer.ADMIN, PortalServer.PASSWORD);
            }
            member.consoleLog();
            for (PortalPages.Page page : PortalPages.of(server, viewer)) {
                member.open(page.path());
                if (!member.all(".error[data-status]").isEmpty()) {
                    problems.add(page.name() + ": error page " + member.text(".error"));
                }
                if (member.all("main h1").isEmpty()) {
                    problems.add(page.name() + ": no heading");
                }
                for (LogEntry e : member.consoleLog()) {
                    // Posters come from TMDB, which the test machine cannot reach.
                    if (e.getLevel().intValue() >= Level.WARNING.intValue() && !e.getMessage().contains("image.tmdb.org")) {
                        problems.add(page.name() + ": " + e.getMessage());
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
