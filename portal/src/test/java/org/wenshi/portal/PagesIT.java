package org.wenshi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The server-rendered pages against the real node: home, results with facets, document, errors, language. */
class PagesIT extends PortalWithFixtures {

    private EntityExchangeResult<byte[]> page(String uri, int status) {
        return http.get(uri)
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody()
                .returnResult();
    }

    private static String html(EntityExchangeResult<byte[]> result) {
        return new String(result.getResponseBody(), StandardCharsets.UTF_8);
    }

    @Test
    void homeHasALabelledSearchFormInChinese() {
        String home = html(page("/", 200));
        assertThat(home)
                .contains("<html lang=\"zh-CN\"")
                .contains("<main")
                .contains("<header")
                .contains("role=\"search\"")
                .contains("<label for=\"q\"")
                .contains("name=\"q\"")
                .contains("action=\"/search\"")
                .contains("文史资料检索")
                .contains("isComposing");
    }

    @Test
    void resultsPageRendersHitsSnippetsAndFacetLinks() {
        String results = html(page("/search?q=%E6%94%BF%E5%8D%8F&city=%E5%8D%97%E9%98%B3%E5%B8%82", 200));
        assertThat(results)
                .contains("关于保护南阳古城历史街区的提案")
                .contains("href=\"/doc/ny-proposal\"")
                .contains("<mark>")
                .contains("<aside")
                .contains("<nav");
        // the selected city links to its own removal, the others of its province (place tree) to their addition
        assertThat(results)
                .contains("aria-current=\"true\"")
                .contains(
                        "href=\"/search?q=%E6%94%BF%E5%8D%8F&amp;city=%E5%8D%97%E9%98%B3%E5%B8%82&amp;city=%E9%83%91%E5%B7%9E%E5%B8%82\"")
                .contains("href=\"/search?q=%E6%94%BF%E5%8D%8F\"");
        // the active filter is a removable chip and travels with the form
        assertThat(results)
                .contains("class=\"chip\"")
                .contains("城市：南阳市")
                .contains("type=\"hidden\" name=\"city\" value=\"南阳市\"");
        assertThat(results).contains("value=\"政协\"").contains("<select id=\"sort\" name=\"sort\"");
    }

    @Test
    void pagingLinksAppearWhenThereAreMorePages() {
        String results = html(page("/search?size=2&page=2", 200));
        assertThat(results)
                .contains("rel=\"prev\"")
                .contains("rel=\"next\"")
                .contains("aria-current=\"page\"")
                .contains("href=\"/search?size=2&amp;page=3\"");
    }

    @Test
    void documentPageShowsTextEscaped() {
        String doc = html(page("/doc/" + Fixtures.SCRIPT, 200));
        assertThat(doc)
                .contains("&lt;script&gt;alert(")
                .doesNotContain("<script>alert(")
                .contains("&lt;b&gt;文史&lt;/b&gt;")
                .doesNotContain("<b>文史</b>");
        String search = html(page("/search?q=script", 200));
        assertThat(search).doesNotContain("<script>alert(").contains("&lt;b&gt;文史&lt;/b&gt;");
    }

    @Test
    void documentPageShowsMetadataAndCitation() {
        String doc = html(page("/doc/" + Fixtures.BAZHONG_PROPOSAL, 200));
        assertThat(doc)
                .contains(">政协巴中市委员会关于加强文史资料征集的提案</h1>")
                .contains("四川省 巴中市 南江县")
                .contains("[EB/OL]")
                .contains("<dl");
    }

    @Test
    void unknownDocumentAndUnknownPathShowTheErrorPage() {
        assertThat(html(page("/doc/no-such-document", 404))).contains("没有找到该文档").doesNotContain("Exception");
        assertThat(html(page("/nowhere", 404))).contains("页面不存在").doesNotContain("Whitelabel");
    }

    @Test
    void badParameterStillRendersThePageWithAMessage() {
        assertThat(html(page("/search?q=x&page=0", 400)))
                .contains("页码无效")
                .contains("role=\"alert\"")
                .contains("value=\"x\"");
    }

    @Test
    void englishIsChosenWithLangAndRemembered() {
        EntityExchangeResult<byte[]> english = page("/search?q=%E6%94%BF%E5%8D%8F&lang=en", 200);
        assertThat(html(english))
                .contains("<html lang=\"en\"")
                .contains("results (")
                .contains("Refine")
                .contains("href=\"/search?q=%E6%94%BF%E5%8D%8F&amp;lang=zh\"");
        assertThat(english.getResponseHeaders().get("Set-Cookie")).anyMatch(c -> c.startsWith("wenshi_lang=en"));
        String remembered = html(http.get("/")
                .accept(MediaType.TEXT_HTML)
                .cookie("wenshi_lang", "en")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult());
        assertThat(remembered).contains("<html lang=\"en\"").contains("Search terms");
    }

    @Test
    void stylesheetIsServed() {
        http.get("/css/wenshi.css")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/css");
    }
}
