package org.wenshi.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.wenshi.portal.PortalTestClient;
import org.wenshi.portal.document.DocumentFixtures;
import org.wenshi.portal.document.PortalWithDocuments;

/**
 * The document page in headless Chromium: the page image beside its text with the hits outlined on
 * the image, hit navigation by keyboard, zoom, copying the citation, the English switch, the phone
 * layout, and axe-core finding no serious violation in either language.
 */
class DocumentPageBrowserIT extends PortalWithDocuments {

    @RegisterExtension
    static final BrowserExtension browser = new BrowserExtension();

    private static final String SCAN_WITH_QUERY =
            PortalTestClient.query("/doc/" + DocumentFixtures.SCAN, "q", "政协", "page", "2");

    private WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    private List<WebElement> all(String css) {
        return browser.driver().findElements(By.cssSelector(css));
    }

    private void waitForImage() {
        browser.session()
                .waitUntil(
                        d -> Boolean.TRUE.equals(
                                browser.session()
                                        .script(
                                                "var i = document.querySelector('.image-canvas img'); return i.complete && i.naturalWidth > 0;")));
    }

    @Test
    void pageImageIsShownBesideItsTextWithTheHitsOutlinedOnIt() throws Exception {
        browser.open(SCAN_WITH_QUERY);
        waitForImage();
        WebElement img = find(".image-canvas img");
        WebElement text = find(".page-text");
        Rectangle image = img.getRect();
        assertThat(text.getRect().getX())
                .as("text beside the image")
                .isGreaterThan(image.getX() + image.getWidth() - 1);
        assertThat(((Number) browser.session().script("return arguments[0].naturalWidth", img)).intValue())
                .isEqualTo(900);

        // each outlined box lies where the words file puts 政协 on page 2, scaled to the shown image
        var words = DocumentFixtures.wordsOf(store, 2);
        int at = DocumentFixtures.PAGE_2.indexOf("政协");
        var expected =
                words.stream().filter(w -> w.start() >= at && w.end() <= at + 2).toList();
        List<WebElement> boxes = all("svg.hit-boxes rect");
        assertThat(boxes).hasSize(expected.size());
        double scale = image.getWidth() / 900.0;
        for (int i = 0; i < boxes.size(); i++) {
            Rectangle box = boxes.get(i).getRect();
            assertThat(box.getX() - image.getX())
                    .isCloseTo((int) Math.round(expected.get(i).x() * scale), within(3));
            assertThat(box.getY() - image.getY())
                    .isCloseTo((int) Math.round(expected.get(i).y() * scale), within(3));
        }
        assertThat(find(".page-text mark").getText()).isEqualTo("政协");
        browser.session().assertAccessible();
    }

    @Test
    void nextAndPreviousHitByKeyboardAndButtons() {
        browser.open(PortalTestClient.query("/doc/" + DocumentFixtures.SCAN, "q", "政协"));
        assertThat(find(".hit-buttons").isDisplayed()).isTrue();
        new Actions(browser.driver()).sendKeys("n").perform();
        assertThat(currentHit()).isEqualTo("1");
        new Actions(browser.driver()).sendKeys("n").perform();
        assertThat(currentHit()).isEqualTo("2");
        assertThat(find(".hit-position").getText()).isEqualTo("第 2 处，共 2 处");
        new Actions(browser.driver()).sendKeys("p").perform();
        assertThat(currentHit()).isEqualTo("1");
        assertThat(browser.driver().getCurrentUrl()).endsWith("#hit-1");
        find("[data-hit-step='-1']").click();
        assertThat(currentHit()).as("wraps around").isEqualTo("2");
        // keys typed into the search field of another page would not move; here focus on a button still does
        WebElement next = find("[data-hit-step='1']");
        next.sendKeys(Keys.ENTER);
        assertThat(currentHit()).isEqualTo("1");
        assertThat(next.getCssValue("outline-style")).isEqualTo("solid");
        // single-key shortcuts can be switched off
        find("[data-hit-keys]").click();
        new Actions(browser.driver()).sendKeys("n").perform();
        assertThat(currentHit()).isEqualTo("1");
        find("[data-hit-keys]").click();
        browser.session().assertAccessible();
    }

    private String currentHit() {
        List<WebElement> current = all("mark.current");
        assertThat(current).isNotEmpty();
        return current.get(0).getAttribute("data-hit");
    }

    @Test
    void zoomEnlargesTheImageAndItsBoxesTogether() {
        browser.open(SCAN_WITH_QUERY);
        waitForImage();
        int before = find(".image-canvas img").getRect().getWidth();
        double boxBefore = find("svg.hit-boxes rect").getRect().getWidth() / (double) before;
        find("[data-zoom='1']").click();
        find("[data-zoom='1']").click();
        // twice the frame's inner width (a scroll bar may have taken some of it), boxes scaled alike
        int inner = ((Number) browser.session().script("return document.querySelector('.image-frame').clientWidth"))
                .intValue();
        int after = find(".image-canvas img").getRect().getWidth();
        assertThat(after).isBetween(inner * 2 - 2, inner * 2 + 2).isGreaterThan(before * 3 / 2);
        assertThat(find("svg.hit-boxes rect").getRect().getWidth() / (double) after)
                .isCloseTo(boxBefore, within(0.01));
        find("[data-zoom='0']").click();
        assertThat(find(".image-canvas img").getRect().getWidth()).isEqualTo(before);
    }

    @Test
    void copyingTheCitationPutsItOnTheClipboard() {
        ((ChromeDriver) browser.driver()).setPermission("clipboard-read", "granted");
        ((ChromeDriver) browser.driver()).setPermission("clipboard-write", "granted");
        browser.open("/doc/" + DocumentFixtures.SCAN);
        String citation = find("#citation-text").getText();
        WebElement copy = find("button.copy");
        assertThat(copy.isDisplayed()).isTrue();
        copy.click();
        browser.session().waitUntil(d -> !find(".copy-status").getText().isEmpty());
        assertThat(find(".copy-status").getText()).isEqualTo("已复制到剪贴板。");
        Object pasted = ((ChromeDriver) browser.driver())
                .executeAsyncScript(
                        "var done = arguments[0]; navigator.clipboard.readText().then(done, e => done('error: ' + e));");
        assertThat(pasted).isEqualTo(citation);
        assertThat(citation).startsWith("林守仁. 回忆县政协筹备时期的几件事[M]//");
    }

    @Test
    void englishSwitchKeepsTheQueryAndTranslatesThePage() {
        browser.open(SCAN_WITH_QUERY);
        find("a[hreflang='en']").click();
        browser.session().waitUntil(d -> "en".equals(find("html").getAttribute("lang")));
        assertThat(find("#scan-heading").getText()).isEqualTo("Page image and text");
        assertThat(find("#text-heading").getText()).isEqualTo("Text");
        assertThat(find("button.copy").getText()).isEqualTo("Copy citation");
        assertThat(all("#fulltext mark[data-hit]")).hasSize(2);
        assertThat(browser.driver().getCurrentUrl())
                .contains("q=%E6%94%BF%E5%8D%8F")
                .contains("page=2")
                .contains("lang=en");
        browser.session().assertAccessible();
        // remembered: the next page is English without ?lang
        browser.open("/doc/" + DocumentFixtures.REPRINT);
        assertThat(find("#versions-heading").getText()).isEqualTo("Versions and reprints");
        browser.session().assertAccessible();
        browser.open("/doc/" + DocumentFixtures.REPRINT + "?lang=zh");
    }

    @Test
    void onAPhoneTheImageComesAboveItsTextAndNothingScrollsSideways() {
        browser.session().phone();
        browser.open(SCAN_WITH_QUERY);
        waitForImage();
        Rectangle image = find(".image-canvas img").getRect();
        Rectangle text = find(".page-text").getRect();
        assertThat(text.getY()).isGreaterThanOrEqualTo(image.getY() + image.getHeight());
        Map<?, ?> widths = (Map<?, ?>)
                browser.session()
                        .script(
                                "return {scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth};");
        assertThat(((Number) widths.get("scroll")).intValue())
                .isLessThanOrEqualTo(((Number) widths.get("client")).intValue());
        browser.session().assertAccessible();
    }

    @Test
    void reprintPageWithItsDifferencesIsAccessible() {
        browser.open("/doc/" + DocumentFixtures.REPRINT);
        assertThat(find(".versions details").getAttribute("open")).isNotNull();
        assertThat(all(".diff .added")).hasSize(2);
        browser.session().assertAccessible();
    }

    @Test
    void unknownDocumentShowsAnAccessibleErrorPageInEitherLanguage() {
        browser.open("/doc/deadbeef00");
        assertThat(find("[role=alert]").getText()).isEqualTo("没有找到该文档。");
        browser.session().assertAccessible();
        browser.open("/doc/bad%20id?lang=en");
        assertThat(find("[role=alert]").getText()).isEqualTo("Malformed document id.");
        browser.session().assertAccessible();
        browser.open("/?lang=zh");
    }
}
