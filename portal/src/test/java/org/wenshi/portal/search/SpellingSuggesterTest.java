package org.wenshi.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wenshi.portal.search.SpellingSuggester.Correction;

class SpellingSuggesterTest {

    @Test
    void replacesTheOneDifferingCharacterOfABigram() {
        assertThat(SpellingSuggester.apply("郑洲", List.of(new Correction(0, "郑洲", "郑州"))))
                .isEqualTo("郑州");
    }

    @Test
    void anOverlappingBigramDoesNotUndoAnEarlierCorrection() {
        List<Correction> corrections =
                List.of(new Correction(1, "做报", "本报"), new Correction(0, "工做", "工作"), new Correction(4, "资枓", "资料"));
        assertThat(SpellingSuggester.apply("工做报告资枓", corrections)).isEqualTo("工作报告资料");
    }

    @Test
    void correctsInPlaceKeepingWhatTheReaderTypedAround() {
        // Offsets point into the query as typed; traditional characters folded by the analyzer stay as typed.
        assertThat(SpellingSuggester.apply("政協 郑洲", List.of(new Correction(3, "郑洲", "郑州"))))
                .isEqualTo("政協 郑州");
    }

    @Test
    void ignoresSuggestionsThatAreNotOneSubstitution() {
        assertThat(SpellingSuggester.apply(
                        "郑洲",
                        List.of(
                                new Correction(0, "郑洲", "州郑"),
                                new Correction(0, "郑洲", "郑"),
                                new Correction(5, "郑洲", "郑州"))))
                .isEqualTo("郑洲");
    }
}
