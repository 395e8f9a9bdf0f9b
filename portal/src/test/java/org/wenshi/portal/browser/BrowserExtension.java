package org.wenshi.portal.browser;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a Spring Boot integration test (one that starts the portal on a random port, such as
 * {@link org.wenshi.portal.PortalWithFixtures}) a headless Chromium pointed at that portal:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final BrowserExtension browser = new BrowserExtension();
 *
 * &#64;Test
 * void homeIsAccessible() {
 *     browser.open("/");
 *     browser.session().assertAccessible();
 * }
 * </pre>
 *
 * One browser per test class, started at the first test and quit after the last; after every test,
 * passed or failed, a screenshot {@code target/screenshots/<Class>-<method>.png} is kept as test
 * output. It never starts a portal of its own: it reads the port of the one the test class started.
 */
public final class BrowserExtension implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private BrowserSession session;
    private String baseUrl;

    @Override
    public void beforeEach(ExtensionContext context) {
        String port =
                SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException(
                    "BrowserExtension needs a @SpringBootTest(webEnvironment = RANDOM_PORT) test");
        }
        baseUrl = "http://localhost:" + port;
        if (session == null) {
            session = BrowserSession.start();
        }
        session.desktop();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (session != null) {
            session.screenshot(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** Opens a path of the portal under test ({@code /doc/abc?q=x}). */
    public void open(String pathAndQuery) {
        session().open(url(pathAndQuery));
    }

    /** The absolute URL of a path of the portal under test. */
    public String url(String pathAndQuery) {
        if (baseUrl == null) {
            throw new IllegalStateException("The portal's address is known only inside a test");
        }
        return baseUrl + pathAndQuery;
    }

    public BrowserSession session() {
        if (session == null) {
            throw new IllegalStateException("The browser starts before each test");
        }
        return session;
    }

    public WebDriver driver() {
        return session().driver();
    }

    /** Saves an extra screenshot under a name of the test's choosing. */
    public Path screenshot(String name) {
        return session().screenshot(name);
    }
}
