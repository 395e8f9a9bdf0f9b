package org.wenshi.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.wenshi.portal.PortalWithFixtures;

/** The harness itself, on the home page: Chromium loads the real portal, axe finds nothing serious. */
class HomePageBrowserIT extends PortalWithFixtures {

    @RegisterExtension
    static final BrowserExtension browser = new BrowserExtension();

    @Test
    void homePageLoadsInChineseAndHasNoSeriousAccessibilityViolation() {
        browser.open("/");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("文史资料检索");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("zh-CN");
        browser.session().assertAccessible();
    }

    @Test
    void searchBoxHasTheFocusOnArrivalAndShowsIt() {
        browser.open("/");
        WebElement focused = browser.session().focused();
        assertThat(focused.getAttribute("id")).isEqualTo("q");
        assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(focused.getCssValue("outline-width")).isEqualTo("3px");
    }

    @Test
    void accessibilityCheckFailsOnAPageWithASeriousViolation() {
        // An image without a text alternative (critical) and grey-on-white text (serious contrast).
        browser.session()
                .open("data:text/html;charset=utf-8,<html lang=en><title>t</title><main><img src=x.png>"
                        + "<p style='color:%23ccc'>faint</p></main></html>");
        assertThatThrownBy(() -> browser.session().assertAccessible())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt (critical)")
                .hasMessageContaining("color-contrast (serious)");
    }
}
