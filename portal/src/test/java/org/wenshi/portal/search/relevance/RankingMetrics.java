package org.wenshi.portal.search.relevance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * nDCG@k and reciprocal rank of one ranking against graded judgements keyed by title. Exists apart
 * from the command so that the arithmetic is unit-tested. A title judged once earns its grade once:
 * a second document with the same title in the ranking earns nothing (the sample archive has
 * several documents per title, and showing the same title twice helps no reader).
 */
public final class RankingMetrics {
    private RankingMetrics() {}

    /** Gains of the ranking, in order: the grade of each title the first time it appears, else 0. */
    static List<Integer> gains(List<String> rankedTitles, Map<String, Integer> grades) {
        Set<String> seen = new HashSet<>();
        List<Integer> gains = new ArrayList<>();
        for (String title : rankedTitles) {
            gains.add(seen.add(title) ? grades.getOrDefault(title, 0) : 0);
        }
        return gains;
    }

    /** Normalised discounted cumulative gain of the first {@code k} results, gain {@code 2^grade - 1}. */
    public static double ndcg(List<String> rankedTitles, Map<String, Integer> grades, int k) {
        List<Integer> gains = gains(rankedTitles, grades);
        List<Integer> ideal = new ArrayList<>(grades.values());
        ideal.sort((a, b) -> Integer.compare(b, a));
        double idcg = dcg(ideal, k);
        return idcg == 0 ? 0 : dcg(gains, k) / idcg;
    }

    /** 1 / rank of the first result with a grade above 0; 0 when none is ranked. */
    public static double reciprocalRank(List<String> rankedTitles, Map<String, Integer> grades) {
        List<Integer> gains = gains(rankedTitles, grades);
        for (int i = 0; i < gains.size(); i++) {
            if (gains.get(i) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double dcg(List<Integer> gains, int k) {
        double sum = 0;
        for (int i = 0; i < Math.min(k, gains.size()); i++) {
            sum += (Math.pow(2, gains.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }
}
