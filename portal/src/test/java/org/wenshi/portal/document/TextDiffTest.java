package org.wenshi.portal.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.wenshi.portal.document.TextDiff.Kind;
import org.wenshi.portal.document.TextDiff.Line;

class TextDiffTest {

    @Test
    void changedAndAddedLinesAreReportedAgainstTheMainVersion() {
        TextDiff.Result r = TextDiff.compare("甲\n乙\n丙", "甲\n乙改\n丙\n丁");
        assertThat(r.comparable()).isTrue();
        assertThat(r.added()).isEqualTo(2);
        assertThat(r.removed()).isEqualTo(1);
        assertThat(r.lines())
                .extracting(Line::kind, Line::text)
                .containsExactly(
                        tuple(Kind.SAME, "甲"),
                        tuple(Kind.REMOVED, "乙"),
                        tuple(Kind.ADDED, "乙改"),
                        tuple(Kind.SAME, "丙"),
                        tuple(Kind.ADDED, "丁"));
    }

    @Test
    void aLongParagraphIsComparedSentenceBySentence() {
        TextDiff.Result r = TextDiff.compare("第一句。第二句。第三句。", "第一句。第二句有改动。第三句。");
        assertThat(r.lines())
                .filteredOn(l -> l.kind() != Kind.SAME)
                .extracting(Line::text)
                .containsExactly("第二句。", "第二句有改动。");
    }

    @Test
    void closingQuotesStayWithTheirSentence() {
        assertThat(TextDiff.lines("他说：“好。”大家笑了。")).containsExactly("他说：“好。”", "大家笑了。");
    }

    @Test
    void identicalTextsAndFoldedContext() {
        assertThat(TextDiff.compare("甲\n乙", "甲\n乙").identical()).isTrue();
        StringBuilder main = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            main.append("第").append(i).append("行\n");
        }
        TextDiff.Result r = TextDiff.compare(main.toString(), main + "新增一行");
        assertThat(r.lines()).first().satisfies(l -> {
            assertThat(l.isFolded()).isTrue();
            assertThat(l.folded()).isEqualTo(18);
        });
        assertThat(r.lines()).hasSize(4);
    }

    @Test
    void textsTooDifferentToCompareAreRefusedNotSlow() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 1100; i++) {
            a.append("甲").append(i).append('\n');
            b.append("乙").append(i).append('\n');
        }
        assertThat(TextDiff.compare(a.toString(), b.toString()).comparable()).isFalse();
    }
}
