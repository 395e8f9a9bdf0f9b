package org.wenshi.portal.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wenshi.portal.document.MarkedText.PageStart;
import org.wenshi.portal.document.MarkedText.Piece;
import org.wenshi.portal.document.MarkedText.Range;

class MarkedTextTest {
    private static final String O = MarkedText.OPEN;
    private static final String C = MarkedText.CLOSE;

    @Test
    void hitsOfTheHighlighterAreOffsetsOfTheStoredText() {
        String text = "政协委员谈<b>政协</b>";
        String highlighted = O + "政协" + C + "委员谈<b>" + O + "政协" + C + "</b>";
        assertThat(MarkedText.hitsIn(highlighted, text)).containsExactly(new Range(0, 2), new Range(8, 10));
    }

    @Test
    void highlightOfAnotherTextGivesNoHitsRatherThanWrongOnes() {
        assertThat(MarkedText.hitsIn(O + "政协" + C + "委员", "政协委员会")).isEmpty();
        assertThat(MarkedText.hitsIn(null, "x")).isEmpty();
    }

    @Test
    void adjacentAndOverlappingHitsBecomeOneMark() {
        assertThat(MarkedText.merge(List.of(new Range(4, 6), new Range(0, 2), new Range(2, 3), new Range(5, 8))))
                .containsExactly(new Range(0, 3), new Range(4, 8));
    }

    @Test
    void piecesCoverTheWholeTextWithNumberedHitsAndPageStarts() {
        String text = "第一页政协\n\n第二页政协";
        MarkedText marked = MarkedText.of(
                text, List.of(new Range(3, 5), new Range(10, 12)), List.of(new PageStart(1, 0), new PageStart(2, 7)));
        assertThat(String.join("", marked.pieces().stream().map(Piece::text).toList()))
                .isEqualTo(text);
        assertThat(marked.hits()).isEqualTo(2);
        assertThat(marked.pieces())
                .filteredOn(Piece::marked)
                .extracting(Piece::text, Piece::hit, Piece::firstPart)
                .containsExactly(tuple("政协", 1, true), tuple("政协", 2, true));
        assertThat(marked.pieces())
                .filteredOn(p -> p.page() != null)
                .extracting(Piece::page, Piece::text)
                .containsExactly(tuple(1, "第一页"), tuple(2, "第二页"));
    }

    @Test
    void aHitAcrossAPageBreakIsOneHitInTwoParts() {
        MarkedText marked = MarkedText.of("甲乙丙丁", List.of(new Range(1, 3)), List.of(new PageStart(2, 2)));
        assertThat(marked.hits()).isEqualTo(1);
        assertThat(marked.pieces())
                .filteredOn(Piece::marked)
                .extracting(Piece::text, Piece::firstPart)
                .containsExactly(tuple("乙", true), tuple("丙", false));
    }

    @Test
    void rangesOutsideTheTextAreIgnored() {
        MarkedText marked = MarkedText.of("短文", List.of(new Range(1, 9), new Range(-1, 1)), List.of());
        assertThat(marked.hits()).isZero();
        assertThat(marked.pieces()).singleElement().extracting(Piece::text).isEqualTo("短文");
    }
}
