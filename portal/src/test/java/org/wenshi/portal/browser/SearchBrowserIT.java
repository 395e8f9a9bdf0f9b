package org.wenshi.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.wenshi.portal.PortalTestClient;
import org.wenshi.portal.PortalWithFixtures;
import org.wenshi.portal.search.ScanFixtures;

/**
 * The search pages in headless Chromium against the real portal and node: searching, a facet click,
 * a year range, paging to the last page, the input-method Enter case, suggestions, and axe-core on
 * the results page. Every test leaves a screenshot in {@code target/screenshots}.
 */
class SearchBrowserIT extends PortalWithFixtures {

    @RegisterExtension
    static final BrowserExtension browser = new BrowserExtension();

    @BeforeAll
    static void addScans() throws Exception {
        index.index(ScanFixtures.documents());
    }

    private WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    private List<WebElement> all(String css) {
        return browser.driver().findElements(By.cssSelector(css));
    }

    private String url() {
        return browser.driver().getCurrentUrl();
    }

    private List<String> hitTitles() {
        return all(".hit h3 a").stream().map(WebElement::getText).toList();
    }

    @Test
    void searchFromTheHomePageShowsHighlightedHits() {
        browser.open("/");
        WebElement q = find("#q");
        q.sendKeys("南阳 提案");
        q.sendKeys(Keys.ENTER);
        browser.session().waitUntil(d -> d.getCurrentUrl().contains("/search?"));
        assertThat(hitTitles()).first().isEqualTo("关于保护南阳古城历史街区的提案");
        assertThat(all(".hit .snippet mark")).isNotEmpty();
        assertThat(find("#results-heading").getText()).contains("条结果");
    }

    @Test
    void clickingAFacetValueFiltersAndShowsARemovableChip() {
        browser.open("/search?q=" + PortalTestClient.query("", "q", "政协").substring(3));
        int before = all(".hit").size();
        WebElement proposal = browser.driver()
                .findElement(By.xpath("//nav[@data-facet='type']//a[.//span[@class='label' and text()='提案']]"));
        proposal.click();
        browser.session().waitUntil(d -> d.getCurrentUrl().contains("type="));
        assertThat(all(".hit").size()).isPositive().isLessThan(before);
        assertThat(find(".chips .chip").getText()).contains("类型：提案");
        find(".chips .chip").click();
        browser.session().waitUntil(d -> !d.getCurrentUrl().contains("type="));
        assertThat(all(".hit")).hasSize(before);
    }

    @Test
    void yearRangeNarrowsTheResults() {
        browser.open("/search");
        find("#year_from").sendKeys("2020");
        find("#year_to").sendKeys("2023");
        find("#range-year").findElement(By.xpath("following::button[1]")).click();
        browser.session().waitUntil(d -> d.getCurrentUrl().contains("year_from=2020"));
        assertThat(url()).contains("year_to=2023");
        List<String> dates = all(".hit .meta span:first-child").stream()
                .map(WebElement::getText)
                .toList();
        assertThat(dates).hasSize(4).allSatisfy(d -> assertThat(d.substring(0, 4))
                .isBetween("2020", "2023"));
        assertThat(find(".chips").getText()).contains("2020–2023");
        // the histogram's bars select one year each
        assertThat(all("#main .histogram .bars a")).isNotEmpty();
    }

    @Test
    void pagingToTheLastPageAndBackKeepsNumbering() {
        browser.open("/search?size=1");
        int pages = Integer.parseInt(all(".pager a[aria-label]")
                .get(all(".pager a[aria-label]").size() - 1)
                .getText());
        assertThat(pages).isEqualTo(10);
        all(".pager a[aria-label]").get(all(".pager a[aria-label]").size() - 1).click();
        browser.session().waitUntil(d -> d.getCurrentUrl().contains("page=10"));
        assertThat(find("ol.hits").getAttribute("start")).isEqualTo("10");
        assertThat(find(".pager .current").getText()).isEqualTo("10");
        assertThat(all(".pager a[rel=next]")).isEmpty();
        find(".pager a[rel=prev]").click();
        browser.session().waitUntil(d -> d.getCurrentUrl().contains("page=9"));
        assertThat(find("ol.hits").getAttribute("start")).isEqualTo("9");
    }

    @Test
    void enterWhileAnInputMethodComposesDoesNotSubmit() {
        browser.open("/");
        WebElement q = find("#q");
        q.sendKeys("zhengxie");
        browser.session()
                .script("arguments[0].dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true}))", q);
        // a keydown as input methods send it: isComposing, keyCode 229; the page must cancel it
        Object notCancelled = browser.session()
                .script(
                        "return arguments[0].dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', keyCode: 229,"
                                + " isComposing: true, bubbles: true, cancelable: true}))",
                        q);
        assertThat(notCancelled).isEqualTo(false);
        // a real Enter key press while composing: no navigation
        q.sendKeys(Keys.ENTER);
        browser.session().script("return new Promise(r => setTimeout(r, 500))");
        assertThat(url()).doesNotContain("/search");
        // composition ends (the candidate 政协 replaces the pinyin): Enter submits
        browser.session()
                .script(
                        "arguments[0].value = '政协'; arguments[0].dispatchEvent(new CompositionEvent('compositionend',"
                                + " {bubbles: true, data: '政协'}))",
                        q);
        q.sendKeys(Keys.ENTER);
        browser.session().waitUntil(d -> d.getCurrentUrl().contains("/search?"));
        assertThat(url()).contains("q=%E6%94%BF%E5%8D%8F");
    }

    @Test
    void suggestionsAppearWhileTypingAndArrowKeysPickOne() {
        browser.open("/");
        WebElement q = find("#q");
        q.sendKeys("南阳");
        browser.session()
                .waitUntil(d -> !find("#suggestions").getAttribute("class").isEmpty()
                        && find("#suggestions").isDisplayed());
        assertThat(q.getAttribute("aria-expanded")).isEqualTo("true");
        List<String> options = all("#suggestions [role=option] span:first-child").stream()
                .map(WebElement::getText)
                .toList();
        assertThat(options).contains("南阳市", ScanFixtures.TITLE);
        q.sendKeys(Keys.ARROW_DOWN);
        assertThat(q.getAttribute("aria-activedescendant")).isEqualTo("suggestion-0");
        q.sendKeys(Keys.ENTER);
        browser.session().waitUntil(d -> d.getCurrentUrl().contains("/search?"));
        assertThat(find("#q").getAttribute("value")).isEqualTo(options.get(0));
    }

    @Test
    void resultsPageWithFacetsHasNoSeriousAccessibilityViolation() {
        browser.open(PortalTestClient.query("/search", "q", "南阳", "province", "河南省"));
        assertThat(all(".place-tree a")).isNotEmpty();
        browser.session().assertAccessible();
        browser.open(PortalTestClient.query("/search", "q", "淮海战役"));
        assertThat(find(".hit-pages").getText()).contains("第 2 页").contains("第 3 页");
        assertThat(find(".reprints").getText()).isEqualTo("2 个转载版本");
        browser.session().assertAccessible();
        browser.open(PortalTestClient.query("/search", "q", "淮海战疫", "city", "巴中市"));
        assertThat(find(".did-you-mean").getText()).isEqualTo("淮海战役");
        browser.session().assertAccessible();
    }

    @Test
    void scriptInADocumentIsShownAsTextNotRun() {
        browser.open(PortalTestClient.query("/search", "q", "script"));
        assertThat(find(".hit .snippet").getText()).contains("<script>");
        assertThat(browser.session().script("return window.wenshiXss === undefined && document.title"))
                .isNotEqualTo(false);
        assertThat(all(".hit .snippet script")).isEmpty();
    }

    @Test
    void narrowScreenShowsFacetsBelowTheSearchBox() {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.open(PortalTestClient.query("/search", "q", "政协"));
        int width = ((Number) browser.session().script("return document.documentElement.scrollWidth")).intValue();
        assertThat(width).isLessThanOrEqualTo(400);
        assertThat(find(".facets").getLocation().getY())
                .isGreaterThan(find("#q").getLocation().getY());
        browser.screenshot("SearchBrowserIT-narrow");
    }
}
