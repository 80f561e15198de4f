package app.medianest.server.portal;

import app.medianest.server.testing.Browser;
import app.medianest.server.testing.BrowserViews;
import app.medianest.server.testing.PortalPages;
import app.medianest.server.testing.PortalPages.Viewer;
import app.medianest.server.testing.PortalServer;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An axe-core scan of every portal page, as each viewer (signed out, member, admin) sees it, at phone (390x844) and
 * desktop (1280x800) size: no serious or critical violation anywhere. Prints a table of pages and violations by
 * impact (the figures docs/portal-quality.md reports).
 */
class PortalAccessibilityTest {
    private static final List<String> BLOCKING = List.of("serious", "critical");
    private static final List<BrowserViews.Viewport> SIZES = List.of(BrowserViews.PHONE, BrowserViews.DESKTOP);

    private static PortalServer server;
    private static Browser browser;
    private static final List<String> table = new ArrayList<>();

    /** One page scanned at one size. */
    private record Scan(PortalPages.Page page, BrowserViews.Viewport size, Map<String, Long> byImpact,
                        List<String> blocking) {
    }

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
        System.out.printf("%-24s %-10s %-8s %5s %8s %7s %8s  %s%n", "page", "viewer", "size", "minor", "moderate",
                "serious", "critical", "serious/critical rules");
        table.forEach(System.out::println);
    }

    @Test
    void signedOutPagesHaveNoSeriousViolation() {
        scanAll(Viewer.SIGNED_OUT);
    }

    @Test
    void memberPagesHaveNoSeriousViolation() {
        scanAll(Viewer.MEMBER);
    }

    @Test
    void adminPagesHaveNoSeriousViolation() {
        scanAll(Viewer.ADMIN);
    }

    private void scanAll(Viewer viewer) {
        BrowserViews.become(browser, viewer);
        List<PortalPages.Page> pages = PortalPages.of(server, viewer);
        assertTrue(pages.size() >= 2, "pages listed for " + viewer);
        List<Scan> scans = new ArrayList<>();
        for (BrowserViews.Viewport size : SIZES) {
            BrowserViews.viewport(browser, size);
            for (PortalPages.Page page : pages) {
                scans.add(scan(page, size));
            }
        }
        List<String> failures = new ArrayList<>();
        for (Scan s : scans) {
            table.add(String.format(Locale.ROOT, "%-24s %-10s %-8s %5d %8d %7d %8d  %s", s.page().name(),
                    viewer.name().toLowerCase(Locale.ROOT), s.size().name(), s.byImpact().getOrDefault("minor", 0L),
                    s.byImpact().getOrDefault("moderate", 0L), s.byImpact().getOrDefault("serious", 0L),
                    s.byImpact().getOrDefault("critical", 0L), String.join("; ", s.blocking())));
            if (!s.blocking().isEmpty()) {
                failures.add(s.page().name() + " (" + s.page().path() + ", " + s.size().name() + "): "
                        + String.join("; ", s.blocking()));
            }
        }
        assertEquals(List.of(), failures, "serious or critical accessibility violations");
    }

    private Scan scan(PortalPages.Page page, BrowserViews.Viewport size) {
        browser.open(page.path());
        String landed = browser.path();
        assertTrue(!landed.startsWith("/signin") || page.path().startsWith("/signin"),
                page.path() + " as " + page.viewer() + " must open the page itself, not " + landed);
        Results results = new AxeBuilder().analyze(browser.driver());
        assertTrue(results.getErrorMessage() == null || results.getErrorMessage().isEmpty(),
                "axe ran on " + page.path() + ": " + results.getErrorMessage());
        assertTrue(results.getPasses() != null && !results.getPasses().isEmpty(), "axe checked " + page.path());
        Map<String, Long> byImpact = results.getViolations().stream()
                .collect(Collectors.groupingBy(r -> String.valueOf(r.getImpact()), Collectors.counting()));
        List<String> blocking = results.getViolations().stream().filter(r -> BLOCKING.contains(r.getImpact()))
                .map(PortalAccessibilityTest::describe).toList();
        return new Scan(page, size, byImpact, blocking);
    }

    private static String describe(Rule r) {
        String where = r.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget()))
                .collect(Collectors.joining(", "));
        return r.getImpact() + " " + r.getId() + " (" + r.getHelp() + ") x" + r.getNodes().size() + " at " + where;
    }
}
