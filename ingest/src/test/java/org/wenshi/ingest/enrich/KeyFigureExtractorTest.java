package org.wenshi.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyFigureExtractorTest {
    private final KeyFigureExtractor figures = new KeyFigureExtractor();

    private List<KeyFigure> extract(String text) {
        return figures.extract(text, 2023, "郑州市");
    }

    @Test
    void readsCountsWithWhatTheyCount() {
        assertThat(extract("一年来，委员共提交大会发言157篇，提案立案656件，报送社情民意信息3088篇。"))
                .extracting(KeyFigure::metric, KeyFigure::value, KeyFigure::unit, KeyFigure::approximate)
                .containsExactly(
                        tuple("大会发言", 157.0, "篇", false),
                        tuple("提案立案", 656.0, "件", false),
                        tuple("社情民意信息", 3088.0, "篇", false));
    }

    @Test
    void marksApproximateCountsAndReadsChineseNumerals() {
        assertThat(extract("开展协商活动100多场次，组织学习研讨近千场次，全县参军青年有一万多人。"))
                .extracting(KeyFigure::metric, KeyFigure::value, KeyFigure::unit, KeyFigure::approximate)
                .containsExactly(
                        tuple("协商活动", 100.0, "场次", true),
                        tuple("学习研讨", 1000.0, "场次", true),
                        tuple("参军青年", 10000.0, "人", true));
    }

    @Test
    void takesWhatIsCountedFromAfterTheNumberWhenTheClauseLeadsIntoIt() {
        assertThat(extract("今年以来已有56部加装电梯完成施工，120名台湾青年来厦参访。"))
                .extracting(KeyFigure::metric, KeyFigure::value)
                .containsExactly(tuple("加装电梯", 56.0), tuple("台湾青年", 120.0));
    }

    @Test
    void ignoresSlogansOrdinalsDatesAndVagueAmounts() {
        assertThat(extract("增强“四个意识”、做到“两个维护”。第四次会议于2024年1月8日召开，工匠数百人。")).isEmpty();
    }

    @Test
    void keepsTheSentenceYearAndPlace() {
        KeyFigure f = extract("2022年，市政协立案提案441件。").get(0);
        assertThat(f.year()).isEqualTo(2022);
        assertThat(f.place()).isEqualTo("郑州市");
        assertThat(f.sentence()).isEqualTo("2022年，市政协立案提案441件。");
        assertThat(extract("全年立案提案441件。").get(0).year()).isEqualTo(2023);
    }
}
