package app.medianest.server.portal;

import app.medianest.fakes.SampleTitle;
import app.medianest.model.MediaType;
import app.medianest.model.RequestStatus;
import app.medianest.server.testing.Browser;
import app.medianest.server.testing.BrowserViews;
import app.medianest.server.testing.PortalPages;
import app.medianest.server.testing.PortalPages.Viewer;
import app.medianest.server.testing.PortalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every action of the portal is reachable by keyboard: on every page, as every viewer, at phone and desktop size,
 * pressing Tab reaches each visible link, button, field and select, and each shows a visible focus indicator when it
 * gets there; and the core flows (sign in, request a TV season, approve it) work with the keyboard alone.
 */
class PortalKeyboardTest {
    /** Marks every visible focusable control and records each focus change with how it is drawn. */
    private static final String INSTRUMENT = """
            // No live refresh during the walk: it would swap the marked controls for unmarked copies.
            window.dispatchEvent(new PageTransitionEvent('pagehide'));
            var sel = 'a[href],button:not([disabled]),input:not([type=hidden]):not([disabled]),'
                + 'select:not([disabled]),textarea:not([disabled]),summary,[tabindex]:not([tabindex="-1"])';
            var els = Array.prototype.filter.call(document.querySelectorAll(sel), function (e) {
              return e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
            });
            els.forEach(function (e, i) { e.setAttribute('data-kbd', String(i)); });
            window.__kbd = [];
            document.addEventListener('focusin', function (ev) {
              var t = ev.target, cs = getComputedStyle(t);
              var outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
              window.__kbd.push({i: t.getAttribute('data-kbd'), fv: t.matches(':focus-visible'),
                drawn: outline || cs.boxShadow !== 'none'});
            }, true);
            if (document.activeElement && document.activeElement !== document.body) { document.activeElement.blur(); }
            return els.map(function (e) {
              return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "'
                + (e.getAttribute('aria-label') || e.textContent || e.value || e.name || '').trim().replace(/\\s+/g, ' ')
                  .substring(0, 40) + '"';
            });
            """;

    private static PortalServer server;
    private static Browser browser;
    private static final List<String> table = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = PortalServer.start(true, Map.of());
        browser = Browser.start(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        System.out.println();
        System.out.printf("%-24s %-10s %-8s %9s %8s%n", "page", "viewer", "size", "controls", "reached");
        table.forEach(System.out::println);
    }

    @Test
    void everyControlOfEveryPageIsReachedByTabWithAVisibleFocus() {
        List<String> failures = new ArrayList<>();
        for (Viewer viewer : Viewer.values()) {
            BrowserViews.become(browser, viewer);
            for (BrowserViews.Viewport size : List.of(BrowserViews.PHONE, BrowserViews.DESKTOP)) {
                BrowserViews.viewport(browser, size);
                for (PortalPages.Page page : PortalPages.of(server, viewer)) {
                    failures.addAll(walk(page, size));
                }
            }
        }
        assertEquals(List.of(), failures, "controls not reachable by Tab or without a visible focus");
    }

    /** Tabs through one page; returns what is wrong. */
    @SuppressWarnings("unchecked")
    private List<String> walk(PortalPages.Page page, BrowserViews.Viewport size) {
        browser.open(page.path());
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        List<String> controls = (List<String>) js.executeScript(INSTRUMENT);
        assertTrue(controls.size() >= 2, page.path() + " has links or buttons: " + controls);
        new Actions(browser.driver()).sendKeys(Keys.TAB.toString().repeat(controls.size() + 1)).perform();
        List<Map<String, Object>> log = (List<Map<String, Object>>) js.executeScript("return window.__kbd");
        Set<Integer> reached = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (Map<String, Object> f : log) {
            if (f.get("i") == null) {
                continue;
            }
            int i = Integer.parseInt((String) f.get("i"));
            reached.add(i);
            if (!Boolean.TRUE.equals(f.get("fv")) || !Boolean.TRUE.equals(f.get("drawn"))) {
                failures.add(page.name() + " (" + size.name() + "): no visible focus on " + controls.get(i));
            }
        }
        for (int i = 0; i < controls.size(); i++) {
            if (!reached.contains(i)) {
                failures.add(page.name() + " (" + size.name() + "): Tab never reaches " + controls.get(i));
            }
        }
        table.add(String.format(Locale.ROOT, "%-24s %-10s %-8s %9d %8d", page.name(),
                page.viewer().name().toLowerCase(Locale.ROOT), size.name(), controls.size(), reached.size()));
        return failures;
    }

    @Test
    @SuppressWarnings("unchecked")
    void atPhoneWidthTheWholeMenuIsOnScreenAndApproveButtonsLineUp() {
        BrowserViews.viewport(browser, new BrowserViews.Viewport("narrow", 360, 780, true));
        try {
            BrowserViews.become(browser, Viewer.ADMIN);
            browser.open("/admin/requests");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            List<String> items = (List<String>) js.executeScript(
                    "return Array.prototype.map.call(document.querySelectorAll('.top nav a'),"
                            + " function (a) { return a.textContent.trim().replace(/\\s+/g, ' '); });");
            assertTrue(items.containsAll(List.of("Status", "Account")) && items.stream()
                    .anyMatch(i -> i.startsWith("Notifications")), "the admin's menu: " + items);
            List<String> hidden = (List<String>) js.executeScript("""
                    var w = document.documentElement.clientWidth;
                    return Array.prototype.filter.call(document.querySelectorAll('.top nav a'), function (a) {
                      var r = a.getBoundingClientRect();
                      if (r.width === 0 || r.left < 0 || r.right > w + 0.5 || r.bottom > window.innerHeight) {
                        return true;
                      }
                      var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                      return !hit || hit.closest('a') !== a;
                    }).map(function (a) { return a.textContent.trim(); });
                    """);
            assertEquals(List.of(), hidden, "menu items not visible on a 360 px screen");
            Number navRows = (Number) js.executeScript("""
                    var tops = {};
                    document.querySelectorAll('.top nav li').forEach(function (li) {
                      tops[Math.round(li.getBoundingClientRect().top)] = true; });
                    return Object.keys(tops).length;""");
            assertTrue(navRows.intValue() <= 3, "the menu wraps into a few rows, not a long list: " + navRows);

            List<Map<String, Object>> rows = (List<Map<String, Object>>) js.executeScript("""
                    return Array.prototype.map.call(document.querySelectorAll('.queue .req'), function (li) {
                      var b = li.querySelector("form[action$='/approve'] button").getBoundingClientRect();
                      var meta = li.querySelector('.muted').getBoundingClientRect();
                      return {left: b.left, below: b.top >= meta.bottom - 0.5};
                    });""");
            assertTrue(rows.size() >= 2, "the seeded queue has pending requests: " + rows.size());
            Set<Long> lefts = new HashSet<>();
            for (Map<String, Object> r : rows) {
                lefts.add(Math.round(((Number) r.get("left")).doubleValue()));
                assertEquals(Boolean.TRUE, r.get("below"), "Approve sits on its own line under the request");
            }
            assertEquals(1, lefts.size(), "every Approve button starts at the same place: " + lefts);
        } finally {
            BrowserViews.cdp(browser, "Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void signInRequestAndApproveWithTheKeyboardAlone() {
        BrowserViews.viewport(browser, BrowserViews.PHONE);
        SampleTitle show = server.requestableShow(2);

        keyboardSignIn(PortalServer.MEMBER);
        assertEquals("/", browser.path(), "signed in with Enter in the password field");

        browser.open("/title/tv/" + show.tmdbId());
        tabTo("the first season's box", el -> "checkbox".equals(el.get("type")) && "1".equals(el.get("value")));
        keys(Keys.SPACE);
        assertTrue(browser.find("input[name=season][value='1']").isSelected(), "Space ticks the season");
        tabTo("the Request button", el -> "request-button".equals(el.get("id")));
        keys(Keys.ENTER);
        browser.waitFor(Duration.ofSeconds(10), d -> !browser.all("#request-status").isEmpty());
        assertEquals("pending", browser.find("#request-status").getAttribute("data-status"));
        var request = server.components().requestService().active(MediaType.TV, show.tmdbId()).orElseThrow();
        assertEquals(RequestStatus.PENDING, request.status());
        assertEquals(List.of(1), request.seasons(), "only the ticked season was requested");

        keyboardSignIn(PortalServer.ADMIN);
        browser.open("/admin/requests");
        String approve = "Approve " + show.title();
        tabTo("the request's Approve button", el -> approve.equals(el.get("label")));
        keys(Keys.ENTER);
        IntegrationWaits.until("the request approved", () -> server.components().requestService()
                .active(MediaType.TV, show.tmdbId()).map(r -> r.status() == RequestStatus.APPROVED).orElse(false));
    }

    private void keyboardSignIn(String username) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/signin");
        tabTo("the user name field", el -> "username".equals(el.get("id")));
        keys(username);
        keys(Keys.TAB);
        assertEquals("password", active().get("id"), "Tab moves from user name to password");
        keys(PortalServer.PASSWORD, Keys.ENTER);
        browser.waitFor(Duration.ofSeconds(10), d -> !browser.path().startsWith("/signin"));
    }

    /** Presses Tab until the focused element matches (at most 400 times). */
    private void tabTo(String what, Predicate<Map<String, Object>> target) {
        for (int i = 0; i < 400; i++) {
            keys(Keys.TAB);
            if (target.test(active())) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + what + " on " + browser.path());
    }

    private void keys(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> active() {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript("""
                var e = document.activeElement;
                return {id: e.id, type: e.type || '', value: e.value || '', label: e.getAttribute('aria-label') || ''};
                """);
    }

    /** Polling for server-side effects. */
    private static final class IntegrationWaits {
        static void until(String what, java.util.function.BooleanSupplier condition) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out waiting for " + what);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }
}
