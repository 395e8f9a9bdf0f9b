package org.wenshi.portal.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.wenshi.portal.Fixtures;
import org.wenshi.portal.PortalTestClient;

/** {@code /doc/{id}} as served (no JavaScript): hits, page image with boxes, versions, citation, errors. */
class DocumentPageIT extends PortalWithDocuments {

    private String html(String uri, int status) {
        byte[] body = http.get(uri)
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody()
                .returnResult()
                .getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    private Document page(String uri) {
        return Jsoup.parse(html(uri, 200));
    }

    @Test
    void everyHitOfTheQueryIsMarkedAndNumberedWithLinksToEachOne() {
        Document doc = page(PortalTestClient.query("/doc/" + DocumentFixtures.SCAN, "q", "政协"));
        var marks = doc.select("#fulltext mark[data-hit]");
        assertThat(marks).extracting(Element::text).containsExactly("政协", "政协");
        assertThat(marks).extracting(m -> m.id()).containsExactly("hit-1", "hit-2");
        assertThat(doc.select(".hit-jump a")).extracting(a -> a.attr("href")).containsExactly("#hit-1", "#hit-2");
        assertThat(doc.select(".hit-nav").text()).contains("“政协”在正文中出现 2 处");
        // the title of the page
        assertThat(doc.select("h1").text()).isEqualTo("回忆县政协筹备时期的几件事");
    }

    @Test
    void traditionalQueryMarksTheSimplifiedText() {
        Document doc = page(PortalTestClient.query("/doc/" + DocumentFixtures.SCAN, "q", "政協"));
        assertThat(doc.select("#fulltext mark[data-hit]"))
                .extracting(Element::text)
                .containsExactly("政协", "政协");
    }

    @Test
    void aQueryNotInTheTextSaysSoAndMarksNothing() {
        Document doc = page(PortalTestClient.query("/doc/" + DocumentFixtures.SCAN, "q", "铁路"));
        assertThat(doc.select("mark")).isEmpty();
        assertThat(doc.select(".hit-nav [role=status]").text()).contains("正文中没有找到“铁路”");
    }

    @Test
    void scriptInADocumentShowsAsTextAndOnlyMarksAreMarkup() {
        String raw = html(PortalTestClient.query("/doc/" + Fixtures.SCRIPT, "q", "script"), 200);
        assertThat(raw).doesNotContain("<script>alert(").contains("&lt;").contains("<mark");
        Document doc = Jsoup.parse(raw);
        assertThat(doc.select("#fulltext").text()).startsWith("<script>alert('wenshi')</script>");
        assertThat(doc.select("#fulltext *"))
                .allSatisfy(e -> assertThat(e.tagName()).isEqualTo("mark"));
        assertThat(doc.select("#fulltext mark")).extracting(Element::text).contains("script");
        // the only scripts of the page are the portal's own
        assertThat(doc.select("script[src]")).extracting(s -> s.attr("src")).containsExactly("/js/document.js");
    }

    @Test
    void scannedPageIsShownBesideItsTextWithHitBoxesOnTheImage() throws Exception {
        Document doc = page(PortalTestClient.query("/doc/" + DocumentFixtures.SCAN, "q", "政协", "page", "2"));
        Element scan = doc.selectFirst("#scan");
        assertThat(scan).isNotNull();
        Element img = scan.selectFirst(".image-canvas img");
        assertThat(img.attr("src")).matches("/doc/" + DocumentFixtures.SCAN + "/pages/2/image\\?v=[0-9a-f]{12}");
        assertThat(img.attr("width")).isEqualTo("900");
        assertThat(img.attr("alt")).contains("第 16 页原文图像").contains("2 处命中");
        // boxes of the two characters of 政协 on page 2, as the words file gives them
        var words = DocumentFixtures.wordsOf(store, 2);
        int at = DocumentFixtures.PAGE_2.indexOf("政协");
        var expected =
                words.stream().filter(w -> w.start() >= at && w.end() <= at + 2).toList();
        var rects = scan.select("svg.hit-boxes rect");
        assertThat(rects).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(rects.get(i).attr("x"))
                    .isEqualTo(String.valueOf(expected.get(i).x()));
            assertThat(rects.get(i).attr("y"))
                    .isEqualTo(String.valueOf(expected.get(i).y()));
            assertThat(rects.get(i).attr("width"))
                    .isEqualTo(String.valueOf(expected.get(i).w()));
        }
        assertThat(scan.selectFirst("svg.hit-boxes").attr("viewBox")).isEqualTo("0 0 900 1200");
        assertThat(scan.select(".page-text mark")).extracting(Element::text).containsExactly("政协");
        assertThat(scan.select(".page-text .text").text()).startsWith("第一次全体会议开了三天");
        // page navigation keeps the query and works without script
        assertThat(scan.select("a[rel=prev]").attr("href"))
                .isEqualTo("/doc/" + DocumentFixtures.SCAN + "?q=%E6%94%BF%E5%8D%8F&page=1#scan");
        assertThat(scan.select("a[rel=next]")).isEmpty();
        assertThat(scan.select(".page-links a[aria-current=page]").text()).startsWith("16");
        // the full text says where the printed pages begin
        assertThat(doc.select("#fulltext .page-break")).extracting(Element::id).containsExactly("page-1", "page-2");
    }

    @Test
    void withoutAPageTheViewerOpensAtTheFirstPageWithAHit() {
        Document doc = page(PortalTestClient.query("/doc/" + DocumentFixtures.SCAN, "q", "大家商量"));
        assertThat(doc.select("#scan .page-of").text()).isEqualTo("第 16 页，共 2 页");
        assertThat(doc.select("#scan svg.hit-boxes rect")).hasSize(4);
    }

    @Test
    void metadataNamesTheSeriesAndOffersTheOriginalAndThePermalink() {
        Document doc = page("/doc/" + DocumentFixtures.SCAN);
        String metadata = doc.select("dl.metadata").text();
        assertThat(metadata).contains("林守仁").contains("示例县文史资料 第2辑").contains("页数 2");
        assertThat(doc.select("a.download").attr("href"))
                .matches("/doc/" + DocumentFixtures.SCAN + "/original\\?v=[0-9a-f]{12}");
        assertThat(doc.select("#permalink").attr("href")).isEqualTo("/doc/" + DocumentFixtures.SCAN);
        assertThat(doc.select("#permalink").text())
                .isEqualTo("http://localhost:" + port + "/doc/" + DocumentFixtures.SCAN);
        assertThat(doc.select("#citation-text").text())
                .isEqualTo("林守仁. 回忆县政协筹备时期的几件事[M]//政协示例县委员会文史资料研究委员会. 示例县文史资料: 第2辑. "
                        + "[出版地不详]: 政协示例县委员会文史资料研究委员会, 1986: 15-16.");
        assertThat(doc.select(".exports a"))
                .extracting(a -> a.attr("href"))
                .containsExactly(
                        "/doc/" + DocumentFixtures.SCAN + "/citation.ris",
                        "/doc/" + DocumentFixtures.SCAN + "/citation.bib",
                        "/doc/" + DocumentFixtures.SCAN + "/citation.json");
        assertThat(doc.select("button.copy").hasAttr("hidden"))
                .as("shown by the script only")
                .isTrue();
    }

    @Test
    void aReprintListsTheVersionsAndItsLineDifferencesFromTheMainVersion() {
        Document doc = page("/doc/" + DocumentFixtures.REPRINT);
        var versions = doc.select(".versions .version-list > li");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).select(".badge").text()).isEqualTo("主版本");
        assertThat(versions.get(0).select("a").attr("href")).isEqualTo("/doc/" + DocumentFixtures.MAIN_VERSION);
        assertThat(versions.get(1).hasClass("current")).isTrue();
        assertThat(versions.get(1).select("summary").text()).isEqualTo("与主版本的差异：增加 2 行，删除 1 行");
        assertThat(versions.get(1).select(".diff .removed").text()).contains("解放初期祠堂改作小学，后来又做过仓库。");
        assertThat(versions.get(1).select(".diff .added").text())
                .contains("解放初期祠堂改作小学，后来又做过粮库。")
                .contains("本文转载时略有删改。");
        // a reprint is never "similar" to its own main version
        assertThat(doc.select(".related a"))
                .extracting(a -> a.attr("href"))
                .doesNotContain("/doc/" + DocumentFixtures.MAIN_VERSION);
    }

    @Test
    void theMainVersionShowsEachReprintsDifferences() {
        Document doc = page("/doc/" + DocumentFixtures.MAIN_VERSION);
        var versions = doc.select(".versions .version-list > li");
        assertThat(versions.get(0).hasClass("current")).isTrue();
        assertThat(versions.get(1).select("summary").text()).contains("增加 2 行，删除 1 行");
    }

    @Test
    void englishLabelsTheDocumentPage() {
        Document doc = page(PortalTestClient.query("/doc/" + DocumentFixtures.SCAN, "q", "政协", "lang", "en"));
        assertThat(doc.select("html").attr("lang")).isEqualTo("en");
        assertThat(doc.select("#scan-heading").text()).isEqualTo("Page image and text");
        assertThat(doc.select(".hit-nav").text()).contains("\"政协\" occurs 2 times in the text");
        assertThat(doc.select("h1").attr("lang")).isEqualTo("zh-CN");
        assertThat(doc.select("a[hreflang=zh-CN]").attr("href"))
                .isEqualTo("/doc/" + DocumentFixtures.SCAN + "?q=%E6%94%BF%E5%8D%8F&lang=zh");
    }

    @Test
    void badParametersAre4xxOnTheErrorPage() {
        assertThat(html("/doc/bad%20id", 400)).contains("文档编号格式无效");
        assertThat(html("/doc/%3Cscript%3E", 400)).doesNotContain("<script>");
        assertThat(html("/doc/" + DocumentFixtures.SCAN + "?page=0", 400)).contains("页码须为从 1 开始的整数");
        assertThat(html("/doc/" + DocumentFixtures.SCAN + "?page=abc", 400)).contains("页码须为从 1 开始的整数");
        assertThat(html("/doc/" + DocumentFixtures.SCAN + "?page=3", 404)).contains("该文档没有这一页");
        assertThat(html(PortalTestClient.query("/doc/" + DocumentFixtures.SCAN, "q", "政".repeat(1001)), 400))
                .contains("检索词过长");
        assertThat(html("/doc/no-such-document", 404)).contains("没有找到该文档");
    }
}
