package org.wenshi.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {
    private final HtmlExtractor extractor = new HtmlExtractor();

    @Test
    void keepsArticleAndDropsBoilerplate() throws Exception {
        Extraction e = extractor.extract(Fixtures.bytes("html_utf8_with_boilerplate.html"));
        assertThat(e.title()).isEqualTo("郑州市政协召开“推进老旧小区改造”专题协商会");
        assertThat(e.lines()).hasSize(3);
        assertThat(e.text())
                .startsWith("本报讯（记者 韩立新 通讯员 宋春生）5月14日")
                .contains("有事好商量")
                .doesNotContain("首页", "当前位置", "上一篇", "下一篇", "版权所有", "分享到", "热点推荐", "编辑：", "阅读量", "技术支持", "协商议政\n");
    }

    @Test
    void readsWhatThePageStatesAboutItself() throws Exception {
        Extraction e = extractor.extract(Fixtures.bytes("html_utf8_with_boilerplate.html"));
        assertThat(e.get(Metadata.PUBLISHED)).contains("2024-05-14 15:42");
        assertThat(e.get(Metadata.SITE_NAME)).contains("郑州政协网");
        assertThat(e.get(Metadata.SOURCE)).contains("郑州日报");
        assertThat(e.get(Metadata.EDITORS)).contains("周文华、林海燕、郭振华");
    }

    @Test
    void decodesGbkPageWithCharsetInMeta() throws Exception {
        Extraction e = extractor.extract(Fixtures.bytes("html_gbk_charset_in_meta.html"));
        assertThat(e.charset()).isEqualTo(CharsetGuesser.GB18030);
        assertThat(e.get(Metadata.DECLARED_CHARSET)).contains("GB2312");
        assertThat(e.title()).isEqualTo("许昌市政协委员视察乡村振兴工作");
        assertThat(e.text()).contains("农民专业合作社").doesNotContain("当前位置");
    }

    @Test
    void detectsGbkPageWithoutCharset() throws Exception {
        Extraction e = extractor.extract(Fixtures.bytes("html_gbk_no_charset.html"));
        assertThat(e.charset()).isEqualTo(CharsetGuesser.GB18030);
        assertThat(e.title()).isEqualTo("漯河市政协编印《漯河记忆》第五辑");
        assertThat(e.text()).contains("坚持“三亲”原则");
    }

    @Test
    void overridesWrongDeclaredCharset() throws Exception {
        Extraction e = extractor.extract(Fixtures.bytes("html_wrong_charset_declared.html"));
        assertThat(e.get(Metadata.DECLARED_CHARSET)).contains("UTF-8");
        assertThat(e.charset()).isEqualTo(CharsetGuesser.GB18030);
        assertThat(e.title()).isEqualTo("南阳市政协召开提案办理协商会");
    }

    @Test
    void readsBig5PageInTraditionalCharacters() throws Exception {
        Extraction e = extractor.extract(Fixtures.bytes("html_big5_traditional.html"));
        assertThat(e.title()).isEqualTo("臺灣同胞回鄉探親記");
        assertThat(e.text()).contains("巴中市政協港澳臺僑委員會").doesNotContain("首頁", "上一篇", "版權所有", "編輯");
        assertThat(e.get(Metadata.PUBLISHED)).contains("2019-09-02 08:00");
        assertThat(e.get(Metadata.SITE_NAME)).contains("巴中政協網");
    }

    @Test
    void removesSiteNameFromTitle() {
        assertThat(PageTitle.split("南阳市政协召开常委会议 - 南阳政协网", null).title()).isEqualTo("南阳市政协召开常委会议");
        assertThat(PageTitle.split("南阳市政协召开常委会议_政协要闻_南阳市政协网", "南阳市政协召开常委会议").title())
                .isEqualTo("南阳市政协召开常委会议");
        PageTitle.Parts parts = PageTitle.split("南阳日报 | 委员建言城市更新", null);
        assertThat(parts.title()).isEqualTo("委员建言城市更新");
        assertThat(parts.siteName()).contains("南阳日报");
        assertThat(PageTitle.split("奋力谱写新篇章——政协郑州市委员会工作报告摘编", null).title()).isEqualTo("奋力谱写新篇章——政协郑州市委员会工作报告摘编");
    }

    @Test
    void treatsLineOfLabelsAsBoilerplateButNotArticleSentences() {
        assertThat(WebPageLines.isBoilerplate("来源：南阳日报 发布时间：2024-05-14 阅读量：12")).isTrue();
        assertThat(WebPageLines.isBoilerplate("上一篇：市政协召开主席会议")).isTrue();
        assertThat(WebPageLines.isBoilerplate("首页 > 政协要闻 > 正文")).isTrue();
        assertThat(WebPageLines.isBoilerplate("版權所有：巴中市政協")).isTrue();
        assertThat(WebPageLines.isBoilerplate("委员们建议，在社区设立委员工作室，畅通群众反映问题的渠道。")).isFalse();
    }

    @Test
    void rejectsPageWithoutText() {
        byte[] html =
                "<html><head><title>x</title></head><body><div class=\"nav\"><a href=\"/\">首页</a></div></body></html>"
                        .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> extractor.extract(html))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("empty");
    }

    private static Extraction page(String html, String url, String httpType) throws ExtractionException {
        return new HtmlExtractor()
                .extract(new ExtractInput(
                        html.getBytes(java.nio.charset.Charset.forName("GBK")),
                        org.wenshi.ingest.source.Source.ofWeb(
                                url, "text/html", org.wenshi.ingest.source.Source.Kind.WEB),
                        java.util.Optional.ofNullable(httpType)));
    }

    @Test
    void takesCharsetFromHttpContentTypeWhenThePageDeclaresNone() throws Exception {
        Extraction e = page(
                "<html><head><title>市政协召开常委会议</title></head><body><h1>市政协召开常委会议</h1>"
                        + "<div class=\"text\"><p>会议听取了关于乡村振兴专题调研情况的报告，委员们进行了认真讨论。</p></div></body></html>",
                "http://www.example.gov.cn/a/1.html",
                "text/html; charset=GBK");
        assertThat(e.get(Metadata.DECLARED_CHARSET)).contains("GBK");
        assertThat(e.charset()).isEqualTo(CharsetGuesser.GB18030);
        assertThat(e.text()).isEqualTo("会议听取了关于乡村振兴专题调研情况的报告，委员们进行了认真讨论。");
    }

    @Test
    void readsBylineAndDateLinesAsMetadataNotText() throws Exception {
        Extraction e = page(
                "<html><head><title>委员视察老旧小区改造_要闻_某某日报</title></head><body>"
                        + "<div class=\"art\"><h1>委员视察老旧小区改造</h1><p>二〇二四年五月十四日</p>"
                        + "<p>本报记者 韩立新 通讯员 宋春生</p>"
                        + "<p>5月13日，市政协组织委员视察老旧小区改造工作，察看了加装电梯和管网改造现场。</p>"
                        + "<p>委员们建议，改造方案要充分听取居民意见。</p><p>（编辑：周文华 校对：林海燕 终审：郭振华）</p>"
                        + "<p>相关新闻</p><p><a href=\"/1\">市政协召开主席会议</a></p></div></body></html>",
                "http://www.example.cn/news/1.html",
                null);
        assertThat(e.title()).isEqualTo("委员视察老旧小区改造");
        assertThat(e.lines()).containsExactly("5月13日，市政协组织委员视察老旧小区改造工作，察看了加装电梯和管网改造现场。", "委员们建议，改造方案要充分听取居民意见。");
        assertThat(e.get(Metadata.AUTHOR)).contains("韩立新、宋春生");
        assertThat(e.get(Metadata.PUBLISHED)).contains("二〇二四年五月十四日");
        assertThat(e.get(Metadata.EDITORS)).contains("周文华、林海燕、郭振华");
    }

    @Test
    void takesDateFromTheAddressWhenThePageStatesNone() throws Exception {
        Extraction e = page(
                "<html><head><title>委员建言湿地保护</title></head><body><div><p>委员们建议，严格落实湿地保护红线，加强科普宣传。</p></div></body></html>",
                "http://www.example.com/2021-06/18/content_20931.htm",
                null);
        assertThat(e.get(Metadata.PUBLISHED)).contains("2021-06-18");
        assertThat(PublicationDate.inUrl("https://www.example.gov.cn/tian/2024/0311/t20240311_9921.html"))
                .contains("2024-03-11");
        assertThat(PublicationDate.inUrl("http://www.example.gov.cn/show.asp?id=20231"))
                .isEmpty();
    }

    @Test
    void recognisesBylinesButNotSentences() {
        assertThat(WebPageLines.byline("口述 罗承志 整理 宋明远")).contains(java.util.List.of("罗承志", "宋明远"));
        assertThat(WebPageLines.byline("（記者 何家樂）")).contains(java.util.List.of("何家樂"));
        assertThat(WebPageLines.byline("文/苏晓梅")).contains(java.util.List.of("苏晓梅"));
        assertThat(WebPageLines.byline("记者从市政协获悉，今年以来开展协商活动四十余场。")).isEmpty();
        assertThat(WebPageLines.byline("张三 李四")).isEmpty();
    }

    @Test
    void treatsCountersPromptsAndPagersAsBoilerplateButNotSentencesStartingWithTheSameWords() {
        assertThat(WebPageLines.isBoilerplate("点赞 56 · 收藏 · 阅读 2.1万")).isTrue();
        assertThat(WebPageLines.isBoilerplate("本文共3页 上一页 1 2 3 下一页")).isTrue();
        assertThat(WebPageLines.isBoilerplate("更多精彩内容，请关注汝州网微信公众号")).isTrue();
        assertThat(WebPageLines.isBoilerplate("本文为南阳网原创，未经授权不得转载。")).isTrue();
        assertThat(WebPageLines.isBoilerplate("分享经验是委员们交流的重要方式，大家踊跃发言。")).isFalse();
        assertThat(WebPageLines.isBoilerplate("建议使用统一的区域公用品牌标识。")).isFalse();
        assertThat(WebPageLines.isBoilerplate("地址选在菜市场附近，方便老人就近就医。")).isFalse();
    }
}
