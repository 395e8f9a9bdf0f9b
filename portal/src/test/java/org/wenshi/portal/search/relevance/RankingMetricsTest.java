package org.wenshi.portal.search.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    private static final Map<String, Integer> GRADES = Map.of("A", 3, "B", 2, "C", 1);

    @Test
    void idealRankingScoresOne() {
        assertThat(RankingMetrics.ndcg(List.of("A", "B", "C", "x"), GRADES, 10)).isCloseTo(1.0, within(1e-9));
        assertThat(RankingMetrics.reciprocalRank(List.of("A"), GRADES)).isEqualTo(1.0);
    }

    @Test
    void swappedRankingScoresByTheLogDiscount() {
        // DCG(C,B,A) = 1 + 3/log2(3) + 7/2 ; IDCG = 7 + 3/log2(3) + 1/2
        double log3 = Math.log(3) / Math.log(2);
        double expected = (1 + 3 / log3 + 3.5) / (7 + 3 / log3 + 0.5);
        assertThat(RankingMetrics.ndcg(List.of("C", "B", "A"), GRADES, 10)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void firstRelevantResultGivesTheReciprocalRankAndNothingRankedGivesZero() {
        assertThat(RankingMetrics.reciprocalRank(List.of("x", "y", "B"), GRADES))
                .isCloseTo(1 / 3.0, within(1e-9));
        assertThat(RankingMetrics.reciprocalRank(List.of("x"), GRADES)).isZero();
        assertThat(RankingMetrics.ndcg(List.of(), GRADES, 10)).isZero();
    }

    @Test
    void aRepeatedTitleEarnsItsGradeOnce() {
        assertThat(RankingMetrics.gains(List.of("A", "A", "B"), GRADES)).containsExactly(3, 0, 2);
    }

    @Test
    void onlyTheTopKCount() {
        assertThat(RankingMetrics.ndcg(List.of("x", "x2", "A"), GRADES, 2)).isZero();
    }
}
