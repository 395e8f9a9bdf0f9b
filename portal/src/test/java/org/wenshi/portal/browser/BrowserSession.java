package org.wenshi.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium, driven through Debian's ChromeDriver, for browser tests of the real portal.
 * It exists so every browser test starts the browser the same way (a fresh profile, no network of its
 * own, no first-run noise), checks accessibility the same way and keeps its screenshots in one place.
 *
 * <p>It never downloads a browser or a driver and never skips: when Chromium or ChromeDriver is missing
 * it fails, saying which package to install. The paths can be changed with the system properties
 * {@code wenshi.chromium} and {@code wenshi.chromedriver}.
 */
public final class BrowserSession implements AutoCloseable {
    static final String INSTALL_HINT =
            "install chromium and chromium-driver (apt-get install chromium chromium-driver)";
    /** axe-core impacts that fail a test; "moderate" and "minor" are reported by axe but tolerated. */
    static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Dimension DESKTOP = new Dimension(1280, 900);

    private final ChromeDriver driver;
    private final Path profile;

    private BrowserSession(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts headless Chromium with a new, empty profile; fails when the browser is not installed. */
    public static BrowserSession start() {
        Path chromium = installed("wenshi.chromium", "/usr/bin/chromium");
        Path chromedriver = installed("wenshi.chromedriver", "/usr/bin/chromedriver");
        Path profile;
        try {
            profile = Files.createTempDirectory("wenshi-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("No temporary folder for the Chromium profile", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            return new BrowserSession(driver, profile);
        } catch (RuntimeException e) {
            deleteQuietly(profile);
            throw new AssertionError(
                    "Chromium did not start (" + chromium + " through " + chromedriver + "); " + INSTALL_HINT, e);
        }
    }

    private static Path installed(String property, String defaultPath) {
        Path path = Path.of(System.getProperty(property, defaultPath));
        if (!Files.isExecutable(path)) {
            throw new AssertionError(
                    "Browser tests need " + path + " (system property " + property + "): " + INSTALL_HINT);
        }
        return path;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads {@code url} and waits until the document is complete. */
    public void open(String url) {
        driver.get(url);
        waitUntil(d -> "complete".equals(script("return document.readyState")));
    }

    /** Waits up to ten seconds for {@code condition}, failing with its description. */
    public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition::apply);
    }

    /** Runs JavaScript in the page and returns its result. */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /**
     * Runs axe-core on the current page and fails listing every serious or critical violation (rule,
     * what it means, where). Returns the results for tests that want to look further.
     */
    public Results assertAccessible() {
        Results results = new AxeBuilder().analyze(driver);
        assertThat(results.isErrored())
                .as("axe-core could not run: %s", results.getErrorMessage())
                .isFalse();
        List<Rule> failing = results.getViolations().stream()
                .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact()))
                .toList();
        assertThat(failing)
                .as(
                        "serious or critical accessibility violations on %s:%n%s",
                        driver.getCurrentUrl(), describe(failing))
                .isEmpty();
        return results;
    }

    static String describe(List<Rule> rules) {
        return rules.stream()
                .map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
                        + rule.getNodes().stream().map(BrowserSession::describe).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        return "    at " + node.getTarget() + ": " + node.getHtml()
                + (node.getFailureSummary() == null
                        ? ""
                        : "\n      " + node.getFailureSummary().replace("\n", " "));
    }

    /**
     * Saves a PNG of the whole page (the window grown to the page's height) as
     * {@code target/screenshots/<name>.png} and returns its path.
     */
    public Path screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        try {
            Number height = (Number) script("return Math.max(document.documentElement.scrollHeight, "
                    + "document.body ? document.body.scrollHeight : 0)");
            int fullHeight = Math.min(Math.max(height == null ? 0 : height.intValue(), before.getHeight()), 8000);
            driver.manage().window().setSize(new Dimension(before.getWidth(), fullHeight));
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Screenshot " + name + " not saved", e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Sets the window to a phone's width (and back with {@link #desktop()}). */
    public void phone() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    public void desktop() {
        driver.manage().window().setSize(DESKTOP);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a profile left in the temporary folder is harmless
        }
    }
}
