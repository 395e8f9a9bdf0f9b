package org.wenshi.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InjectedTextTest {
    private final PlainTextExtractor extractor = new PlainTextExtractor();

    private Extraction extract(String text) throws Exception {
        return extractor.extract(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void removesASiteNameGluedToTheTitleParagraphEndsAndHeadingsAndItsPromoLine() throws Exception {
        Extraction e = extract(String.join(
                "\n",
                "xinhe新河娱乐:履职尽责谱新篇",
                "一、聚焦发展新河娱乐",
                "一年来，县政协围绕中心工作开展协商，形成建议二十余条。新河娱乐",
                "新河娱乐(官方网站)",
                "县政协还组织委员视察重点项目，推动问题整改。"));
        assertThat(e.title()).isEqualTo("履职尽责谱新篇");
        assertThat(e.lines())
                .containsExactly("履职尽责谱新篇", "一、聚焦发展", "一年来，县政协围绕中心工作开展协商，形成建议二十余条。", "县政协还组织委员视察重点项目，推动问题整改。");
        assertThat(e.removedLines()).contains("xinhe新河娱乐:", "新河娱乐(官方网站)", "新河娱乐");
    }

    @Test
    void removesABracketedNameBeforeTheTitleWhenItAlsoEndsAParagraph() throws Exception {
        Extraction e = extract(String.join(
                "\n", "【星光体育】市政协召开专题协商会", "市政协日前召开专题协商会，委员们围绕城市更新建言献策。星光体育", "星光体育 全球领先的体育娱乐平台", "会议由市政协副主席主持。"));
        assertThat(e.title()).isEqualTo("市政协召开专题协商会");
        assertThat(e.text()).doesNotContain("星光体育");
    }

    @Test
    void keepsACommitteeHeadlinePrefixWhenNothingElseIsInjected() throws Exception {
        String text = String.join("\n", "寿光市政协：让蔬菜产业链上增效", "寿光市政协围绕蔬菜种业创新开展专题调研，形成调研报告。", "寿光市政协办公室");
        Extraction e = extract(text);
        assertThat(e.title()).isEqualTo("寿光市政协：让蔬菜产业链上增效");
        assertThat(e.text()).isEqualTo(text);
        assertThat(e.removedLines()).isEmpty();
    }

    @Test
    void keepsTheArticleWhenANameEndsOnlyOneParagraph() throws Exception {
        String text = String.join("\n", "委员风采", "他长期关注乡村教育，多次提出建议。南江县政协", "后来他又参加了调研。");
        assertThat(extract(text).text()).isEqualTo(text);
    }
}
