package app.medianest.server.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One headless Chromium driven through Debian's {@code /usr/bin/chromedriver} (set explicitly, so Selenium never
 * downloads a driver), with a fresh profile directory, for the portal's end-to-end tests. Start one per test class
 * and close it in {@code @AfterAll}; {@link #signIn} and {@link #open} keep tests short. Later checks (accessibility
 * scans, page weight, screenshots) can use {@link #driver()} directly and {@link #size} for phone or desktop width.
 */
public final class Browser implements AutoCloseable {
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** A phone's viewport width in CSS pixels. */
    public static final int PHONE_WIDTH = 390;

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final String baseUrl;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile, String baseUrl) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /** A browser for {@code baseUrl} with JavaScript on. */
    public static Browser start(String baseUrl) {
        return start(baseUrl, true);
    }

    /**
     * @param javascript false turns scripts off through Chrome's content setting (the portal must still work)
     */
    public static Browser start(String baseUrl, boolean javascript) {
        Path profile;
        try {
            profile = Files.createTempDirectory("medianest-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        if (!javascript) {
            o.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        o.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        try {
            return new Browser(new ChromeDriver(service, o), service, profile, baseUrl);
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Opens a path of the portal. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** The current path (and query) of the page. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /** Signs in through the sign-in form (password) and waits for the home page. */
    public Browser signIn(String username, String password) {
        if (!driver.getCurrentUrl().startsWith(baseUrl)) {
            open("/signin");   // cookies are deleted for the current page's site only
        }
        driver.manage().deleteAllCookies();
        open("/signin");
        find("#username").clear();
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        find("form[action='/signin'] button[type=submit]").click();
        waitFor(Duration.ofSeconds(10), d -> !path().startsWith("/signin"));
        return this;
    }

    /** Signs out through the header's form. */
    public Browser signOut() {
        find("form[action='/signout'] button").click();
        waitFor(Duration.ofSeconds(10), d -> path().startsWith("/signin"));
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    /**
     * Waits until {@code condition} holds (polling every 50 ms), failing after {@code timeout}. Elements the page
     * swapped out meanwhile (live updates) are simply looked up again at the next poll.
     */
    public <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** Sets the window's inner width/height in CSS pixels (for phone-width checks and screenshots). */
    public Browser size(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        return this;
    }

    /** Browser console messages since the last call (CSP violations and script errors show up here). */
    public List<LogEntry> consoleLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
