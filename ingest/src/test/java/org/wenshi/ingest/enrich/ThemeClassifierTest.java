package org.wenshi.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeClassifierTest {
    private final ThemeClassifier classifier = new ThemeClassifier(ThemeTaxonomy.bundled());

    @Test
    void bundledTaxonomyHasTheDomainThemes() {
        assertThat(ThemeTaxonomy.bundled().themes())
                .hasSizeGreaterThanOrEqualTo(15)
                .contains(
                        "政治引领与党的建设",
                        "协商议政",
                        "民主监督",
                        "提案工作",
                        "社情民意",
                        "团结联谊与统一战线",
                        "文史资料与文化传承",
                        "经济发展",
                        "乡村振兴与农业",
                        "民生保障",
                        "生态环保",
                        "城市建设与交通",
                        "基层协商",
                        "委员队伍与自身建设",
                        "抗战与革命史",
                        "人物回忆",
                        "民族宗教",
                        "港澳台侨");
        for (String theme : ThemeTaxonomy.bundled().themes()) {
            assertThat(ThemeTaxonomy.bundled().keywords(theme)).as(theme).hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void classifiesAProposal() {
        ThemeClassifier.Themes t = classifier.classify("关于提高提案办理质量的提案", "案由：提案办理存在重答复轻落实的问题。建议承办单位加强与提案人沟通，重点提案由主席督办。");
        assertThat(t.themes()).first().isEqualTo("提案工作");
    }

    @Test
    void classifiesAWarMemoirWithSeveralThemes() {
        ThemeClassifier.Themes t =
                classifier.classify("回忆抗战时期的游击队", "一九三八年春，日军逼近县城，青年们参加抗日游击队。八路军的同志曾在村里住过。往事历历在目，我常常怀念那些牺牲的烈士。");
        assertThat(t.themes()).contains("抗战与革命史", "人物回忆");
        assertThat(t.themes().get(0)).isEqualTo("抗战与革命史");
    }

    @Test
    void assignsNothingWithoutEvidence() {
        assertThat(classifier.classify("天气", "今天晴，明天多云。").themes()).isEmpty();
    }

    @Test
    void loadsTaxonomyFromTheFileNamedByTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("themes.tsv");
        Files.writeString(file, "# test\n茶叶\t茶园*2,采茶,茶农\n", StandardCharsets.UTF_8);
        ThemeTaxonomy custom = ThemeTaxonomy.load(Map.of(ThemeTaxonomy.ENV, file.toString()));
        assertThat(custom.themes()).containsExactly("茶叶");
        assertThat(new ThemeClassifier(custom).classify("茶园见闻", "茶农们忙着采茶。").themes())
                .containsExactly("茶叶");
    }

    @Test
    void rejectsAMalformedTaxonomyLine() {
        assertThatThrownBy(() -> ThemeTaxonomy.parse("没有制表符的一行\n", "test.tsv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.tsv:1");
    }

    @Test
    void aGenreKeywordLeansAMemoirToItsTheme() {
        ThemeClassifier c = new ThemeClassifier(ThemeTaxonomy.parse("人物回忆\t回忆*2,@回忆录*6\n经济发展\t商号*2", "test"));
        assertThat(c.classify("汉口商会", "城内商号林立。", "回忆录").themes()).containsExactly("人物回忆");
        assertThat(c.classify("汉口商会", "城内商号林立。", "新闻报道").themes()).isEmpty();
    }
}
