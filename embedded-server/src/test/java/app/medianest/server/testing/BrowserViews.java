package app.medianest.server.testing;

import org.openqa.selenium.chromium.ChromiumDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the portal's quality checks (accessibility scans, keyboard walks, page weight, screenshots) need on top of
 * {@link Browser}: an exact viewport (phone or desktop, through the DevTools protocol rather than the window size),
 * light or dark colour scheme, signing in as a {@link PortalPages.Viewer}, and full-page PNG screenshots.
 */
public final class BrowserViews {
    /** A phone's viewport (an iPhone 12-15 in CSS pixels). */
    public static final Viewport PHONE = new Viewport("phone", 390, 844, true);
    /** A laptop's viewport. */
    public static final Viewport DESKTOP = new Viewport("desktop", 1280, 800, false);

    /** A viewport in CSS pixels; {@code mobile} also makes the page honour its viewport meta tag like a phone. */
    public record Viewport(String name, int width, int height, boolean mobile) {
    }

    private BrowserViews() {
    }

    /** Sets the page's viewport (kept across navigations). */
    public static void viewport(Browser b, Viewport v) {
        cdp(b, "Emulation.setDeviceMetricsOverride", Map.of("width", v.width(), "height", v.height(),
                "deviceScaleFactor", 1, "mobile", v.mobile()));
    }

    /** Emulates the device's colour-scheme setting ({@code prefers-color-scheme}). */
    public static void colorScheme(Browser b, boolean dark) {
        cdp(b, "Emulation.setEmulatedMedia", Map.of("media", "", "features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /** Empties the browser's HTTP cache (for first-visit measurements). */
    public static void clearCache(Browser b) {
        cdp(b, "Network.enable", Map.of());
        cdp(b, "Network.clearBrowserCache", Map.of());
    }

    /** Signs {@code viewer} in with the {@link PortalServer}'s accounts (or signs out for SIGNED_OUT). */
    public static void become(Browser b, PortalPages.Viewer viewer) {
        switch (viewer) {
            case SIGNED_OUT -> b.driver().manage().deleteAllCookies();
            case MEMBER -> b.signIn(PortalServer.MEMBER, PortalServer.PASSWORD);
            case ADMIN -> b.signIn(PortalServer.ADMIN, PortalServer.PASSWORD);
        }
    }

    /**
     * Writes a PNG of the whole page (beyond the viewport, up to {@code maxHeight} CSS pixels) to {@code file}.
     *
     * @return the PNG's size in bytes
     */
    public static long screenshot(Browser b, Path file, int width, int maxHeight) {
        Object h = ((ChromiumDriver) b.driver()).executeScript(
                "return Math.ceil(Math.max(document.documentElement.scrollHeight, document.body.scrollHeight))");
        int height = (int) Math.min(maxHeight, ((Number) h).longValue());
        Map<String, Object> shot = cdp(b, "Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height,
                        "scale", 1)));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.length;
    }

    /** Runs a DevTools protocol command through chromedriver. */
    public static Map<String, Object> cdp(Browser b, String command, Map<String, Object> params) {
        return ((ChromiumDriver) b.driver()).executeCdpCommand(command, params);
    }
}
