package org.wenshi.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wenshi.portal.PortalWithIndex;
import org.wenshi.portal.search.bench.RetrievalEval;
import org.wenshi.portal.search.bench.RetrievalEval.Score;

/**
 * Real questions nobody here wrote (samples of DRCD and CMRC 2018, src/test/resources/retrieval),
 * asked through {@code /api/search} beside the plain baseline, a {@code multi_match} OR over the
 * bigram fields of the same index: the portal must rank the passage each question was written on at
 * least as well as the baseline (MRR@10), and every question must find something. Both sets share one
 * index here (231 passages), so each is asked among the other's passages too.
 */
class RealQuestionsIT extends PortalWithIndex {
    static final Path SETS = Path.of("src/test/resources/retrieval");

    @BeforeAll
    static void passages() throws Exception {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String set : List.of("drcd-simplified", "cmrc2018")) {
            all.addAll(RetrievalEval.passages(SETS.resolve(set).resolve("corpus.jsonl")));
        }
        index.index(all);
    }

    @Test
    void simplifiedQuestionsOnTraditionalPassages() throws Exception {
        askedAsWellAsTheBaseline("drcd-simplified");
    }

    @Test
    void simplifiedQuestionsOnSimplifiedPassages() throws Exception {
        askedAsWellAsTheBaseline("cmrc2018");
    }

    private void askedAsWellAsTheBaseline(String set) throws Exception {
        Map<String, String> relevant = RetrievalEval.qrels(SETS.resolve(set).resolve("qrels.tsv"));
        Map<String, String> questions =
                RetrievalEval.questions(SETS.resolve(set).resolve("queries.tsv"), Integer.MAX_VALUE);
        assertThat(questions).hasSizeGreaterThan(400);
        HttpClient client = HttpClient.newHttpClient();
        Score portal = new Score();
        Score baseline = new Score();
        List<String> nothingFound = new ArrayList<>();
        for (Map.Entry<String, String> q : questions.entrySet()) {
            String want = relevant.get(q.getKey());
            List<String> got = RetrievalEval.portalIds(client, port, q.getValue());
            if (got.isEmpty()) {
                nothingFound.add(q.getValue());
            }
            portal.add(RetrievalEval.rank(got, want));
            baseline.add(RetrievalEval.rank(RetrievalEval.baselineIds(client, index.alias(), q.getValue()), want));
        }
        System.out.printf("%s: portal %s; baseline %s%n", set, portal.text(), baseline.text());
        assertThat(nothingFound).as("questions that found nothing").isEmpty();
        assertThat(portal.mrr())
                .as("portal " + portal.text() + " against the plain baseline " + baseline.text())
                .isGreaterThanOrEqualTo(baseline.mrr());
    }
}
