package org.wenshi.portal.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.wenshi.portal.PortalTestClient;
import org.wenshi.portal.browser.BrowserExtension;

/**
 * The trends page in headless Chromium against the real portal and node: the chart renders (a
 * screenshot is kept for every test in {@code target/screenshots}), a point clicked on the canvas
 * opens the matching search, the raw / per-1,000 switch, the heatmap, the CSV download, PNG, the
 * English switch, and axe-core on every view. The page without JavaScript is checked as HTML.
 */
class TrendsBrowserIT extends PortalWithTrendFixtures {

    @RegisterExtension
    static final BrowserExtension browser = new BrowserExtension();

    private WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    private List<WebElement> all(String css) {
        return browser.driver().findElements(By.cssSelector(css));
    }

    private Object script(String js, Object... args) {
        return browser.session().script(js, args);
    }

    private void openAndWaitForChart(String pathAndQuery) {
        browser.open(pathAndQuery);
        browser.session().waitUntil(d -> find("#chart").getAttribute("data-rendered") != null);
        assertThat(all("#chart canvas")).isNotEmpty();
    }

    private static String decoded(String url) {
        return URLDecoder.decode(url, StandardCharsets.UTF_8);
    }

    @Test
    void theChartRendersAndAClickedPointOpensTheMatchingSearch() {
        openAndWaitForChart(PortalTestClient.query("/trends", "term", "河长制", "term", "乡村振兴"));
        assertThat(script("return wenshiTrends.chart.getOption().series.length"))
                .isEqualTo(2L);
        browser.screenshot("TrendsBrowserIT-chart");
        // the 2020 point of 河长制, where ECharts drew it (the chart wholly in view: offsets are from its centre)
        script("document.getElementById('chart').scrollIntoView({block: 'center'})");
        @SuppressWarnings("unchecked")
        Map<String, Object> point = (Map<String, Object>) script("var s = wenshiTrends.chart.getOption().series[0];"
                + "var d = s.data.filter(function (x) { return x.point.year === 2020; })[0];"
                + "var px = wenshiTrends.chart.convertToPixel({seriesIndex: 0}, d.value);"
                + "var r = document.getElementById('chart').getBoundingClientRect();"
                + "return {x: px[0], y: px[1], w: r.width, h: r.height, docs: d.point.docs};");
        int x = (int) Math.round(((Number) point.get("x")).doubleValue() - ((Number) point.get("w")).doubleValue() / 2);
        int y = (int) Math.round(((Number) point.get("y")).doubleValue() - ((Number) point.get("h")).doubleValue() / 2);
        new Actions(browser.driver())
                .moveToElement(find("#chart"), x, y)
                .click()
                .perform();
        browser.session().waitUntil(d -> d.getCurrentUrl().contains("/search?"));
        String url = decoded(browser.driver().getCurrentUrl());
        assertThat(url).contains("q=河长制").contains("year_from=2020").contains("year_to=2020");
        long docs = ((Number) point.get("docs")).longValue();
        assertThat(find("#results-heading").getText()).contains(Long.toString(docs));
        assertThat(all(".hit")).hasSize((int) docs);
    }

    @Test
    void rawAndPerThousandSwitchWithoutReloading() {
        openAndWaitForChart(PortalTestClient.query("/trends", "term", "生态"));
        assertThat(find("#chart").getAttribute("data-rendered")).isEqualTo("per_1000");
        script("window.__stayed = true;");
        Object per1000 = script("return wenshiTrends.chart.getOption().series[0].data[0].value[1]");
        find(".scale a[data-scale='raw']").click();
        browser.session().waitUntil(d -> "raw".equals(find("#chart").getAttribute("data-rendered")));
        assertThat(script("return window.__stayed === true")).isEqualTo(true);
        assertThat(browser.driver().getCurrentUrl()).contains("scale=raw");
        assertThat(find("#permalink").getAttribute("href")).contains("scale=raw");
        assertThat(find(".scale a[data-scale='raw']").getAttribute("aria-current"))
                .isEqualTo("true");
        Object raw = script("return wenshiTrends.chart.getOption().series[0].data[0].value[1]");
        Object docs = script("return wenshiTrends.chart.getOption().series[0].data[0].point.docs");
        assertThat(raw).isEqualTo(docs);
        assertThat(raw).isNotEqualTo(per1000);
        // the permalink opens the same view, raw
        browser.driver().get(find("#permalink").getAttribute("href"));
        browser.session().waitUntil(d -> "raw".equals(find("#chart").getAttribute("data-rendered")));
        assertThat(find("#trend-table caption").getText()).doesNotContain("每千篇");
        browser.session().assertAccessible();
    }

    @Test
    void theHeatmapShowsPlacesByYearAndPointsOpenTheirSearch() {
        openAndWaitForChart(PortalTestClient.query("/trends", "view", "heatmap", "term", "乡村振兴"));
        assertThat(script("return wenshiTrends.chart.getOption().series[0].type"))
                .isEqualTo("heatmap");
        List<String> rows =
                all("#trend-table tbody th").stream().map(WebElement::getText).toList();
        assertThat(rows).containsExactlyInAnyOrder("河南省", "四川省");
        browser.screenshot("TrendsBrowserIT-heatmap");
        browser.session().assertAccessible();
        // the cities of one province
        openAndWaitForChart(
                PortalTestClient.query("/trends", "view", "heatmap", "term", "乡村振兴", "by", "city", "province", "河南省"));
        rows = all("#trend-table tbody th").stream().map(WebElement::getText).toList();
        assertThat(rows).containsExactlyInAnyOrder("郑州市", "南阳市");
        WebElement cell = find("#trend-table tbody td a");
        String href = cell.getAttribute("href");
        cell.click();
        browser.session().waitUntil(d -> d.getCurrentUrl().contains("/search?"));
        assertThat(decoded(href)).contains("city=").contains("q=乡村振兴").contains("year_from=");
    }

    @Test
    void theCsvDownloadHoldsTheTablesNumbers() {
        openAndWaitForChart(PortalTestClient.query("/trends", "term", "河长制"));
        String href = find("a.csv").getAttribute("href");
        assertThat(find("a.csv").getAttribute("download")).isNotNull();
        Object csv = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(function (r) { return r.text(); }).then(done);",
                        href);
        // line ends as the driver hands them over
        String text = ((String) csv).replace("\uFEFF", "").replace("\r\n", "\n");
        assertThat(text).startsWith("term,year,docs,total,per_1000\n河长制,");
        String firstYear = all("#trend-table tbody th").get(0).getText();
        String firstDocs = all("#trend-table tbody td .n").get(0).getText().split(" ")[0];
        assertThat(text).contains("河长制," + firstYear + "," + firstDocs + ",");
        // PNG of the chart
        WebElement png = find("#png");
        assertThat(png.isDisplayed()).isTrue();
        assertThat((String) script("return wenshiTrends.chart.getDataURL({type: 'png'})"))
                .startsWith("data:image/png;base64,");
    }

    @Test
    void themesAndKeyFiguresHaveTheirViews() {
        openAndWaitForChart(PortalTestClient.query("/trends", "view", "themes", "theme", "乡村振兴", "theme", "生态文明"));
        assertThat(all("#trend-table thead th").stream()
                        .map(WebElement::getText)
                        .toList())
                .contains("乡村振兴", "生态文明");
        browser.session().assertAccessible();
        openAndWaitForChart("/trends?view=figures");
        assertThat(find("#metric").getAttribute("value")).isEqualTo("提案立案");
        assertThat(find("#trend-table").getText())
                .contains("郑州市")
                .contains("702")
                .contains("南阳市");
        browser.screenshot("TrendsBrowserIT-figures");
        browser.session().assertAccessible();
    }

    @Test
    void theEnglishSwitchKeepsTheView() {
        openAndWaitForChart(PortalTestClient.query("/trends", "term", "河长制"));
        browser.driver()
                .findElement(By.cssSelector(".language a[hreflang='en']"))
                .click();
        browser.session().waitUntil(d -> d.getCurrentUrl().contains("lang=en"));
        browser.session().waitUntil(d -> find("#chart").getAttribute("data-rendered") != null);
        assertThat(find("h1").getText()).isEqualTo("Trends");
        assertThat(find("#trend-table caption").getText()).contains("per 1,000");
        assertThat(find("html").getAttribute("lang")).isEqualTo("en");
        assertThat(decoded(browser.driver().getCurrentUrl())).contains("term=河长制");
        browser.session().assertAccessible();
    }

    @Test
    void withoutJavaScriptThePageIsTheTable() {
        byte[] body = http.get(PortalTestClient.query("/trends", "term", "河长制", "scale", "raw"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        Document page = Jsoup.parse(PortalTestClient.text(body));
        assertThat(page.select("#trend-table tbody tr")).isNotEmpty();
        // every cell links to its search and shows docs / total; sparse cells are marked
        assertThat(page.select("#trend-table tbody td a").first().attr("href")).startsWith("/search?q=");
        assertThat(page.select("#trend-table td.sparse .sparse-mark")).isNotEmpty();
        assertThat(page.select("a.csv").attr("href")).startsWith("/api/trends.csv?term=");
        // a bad request renders the form with the message, 400
        byte[] bad = http.get("/trends?term=x&year_from=2020&year_to=2000")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(Jsoup.parse(PortalTestClient.text(bad)).select(".message").text())
                .contains("起始年份不能晚于结束年份");
    }
}
