package org.wenshi.portal.search.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.wenshi.localdb.testing.TestDatabase;
import org.wenshi.localnode.testing.TestNode;
import org.wenshi.portal.BenchPortal;
import org.wenshi.portal.TestIndex;
import org.wenshi.schema.Fields;

/**
 * Relevance on real question sets that nobody here wrote: each set's passages go into an index of
 * their own (the project's index definition, so the same analyzers), the real portal starts on it,
 * and every question is asked through {@code GET /api/search}; beside it, in the same run and on the
 * same index, the plain baseline: one {@code multi_match} OR query over the bigram fields sent
 * straight to Elasticsearch. Prints MRR@10 and recall@10 of both, for the tuning half of the
 * questions and the held-out half (by question id: the last digit of its hash), so that tuning on
 * one half is checked on the other.
 *
 * <p>Sets (layout of {@code ../shared/data/retrieval}: {@code corpus.jsonl} of id, title, text;
 * {@code queries*.tsv}; {@code qrels.tsv}): DRCD test (traditional passages; questions as written and
 * converted to simplified) and CMRC 2018 dev (simplified).
 *
 * <pre>mvn -q -pl portal test-compile exec:java@retrieval-eval [-Dretrieval.data=DIR] [-Dretrieval.limit=N]</pre>
 */
public final class RetrievalEval {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int K = 10;
    /** How many questions the portal misses and the baseline finds to print, to see why. */
    static final int MISSES = Integer.getInteger("retrieval.misses", 0);

    static int shown;

    /** One question set: its folder and the file of questions. */
    record QuestionSet(String name, String folder, String queries) {}

    static final List<QuestionSet> SETS = List.of(
            new QuestionSet(
                    "DRCD, simplified questions on traditional passages", "drcd-test", "queries_simplified.tsv"),
            new QuestionSet("DRCD, traditional questions", "drcd-test", "queries.tsv"),
            new QuestionSet("CMRC 2018 dev, simplified", "cmrc2018-dev", "queries.tsv"));

    /** Scores of one way of asking over a set of questions. */
    public static final class Score {
        double reciprocalRanks;
        int found;
        int asked;

        public void add(int rank) {
            asked++;
            if (rank > 0) {
                found++;
                reciprocalRanks += 1.0 / rank;
            }
        }

        public double mrr() {
            return reciprocalRanks / asked;
        }

        public String text() {
            return String.format(
                    "MRR@10 %.3f  recall@10 %.3f  (%d questions)",
                    reciprocalRanks / asked, (double) found / asked, asked);
        }
    }

    public static void main(String[] args) throws Exception {
        // The project's sibling folder ../shared/data, from the project's root (where mvn runs) or from portal/.
        String given = System.getProperty("retrieval.data");
        Path data = Path.of(given != null ? given : "../shared/data/retrieval")
                .toAbsolutePath()
                .normalize();
        if (given == null && !Files.isDirectory(data)) {
            data = Path.of("../../shared/data/retrieval").toAbsolutePath().normalize();
        }
        if (!Files.isDirectory(data)) {
            throw new IllegalStateException("No question sets at " + data + " (set -Dretrieval.data=DIR)");
        }
        int limit = Integer.getInteger("retrieval.limit", Integer.MAX_VALUE);
        HttpClient http = HttpClient.newHttpClient();
        try {
            Map<String, List<QuestionSet>> byFolder = new LinkedHashMap<>();
            SETS.forEach(s ->
                    byFolder.computeIfAbsent(s.folder(), f -> new ArrayList<>()).add(s));
            for (Map.Entry<String, List<QuestionSet>> folder : byFolder.entrySet()) {
                Path dir = data.resolve(folder.getKey());
                try (TestIndex index = TestIndex.create("retrieval")) {
                    List<Map<String, Object>> passages = passages(dir.resolve("corpus.jsonl"));
                    index.index(passages);
                    Map<String, String> relevant = qrels(dir.resolve("qrels.tsv"));
                    try (ConfigurableApplicationContext portal = BenchPortal.start(index)) {
                        int port = BenchPortal.port(portal);
                        for (QuestionSet set : folder.getValue()) {
                            Map<String, String> questions = questions(dir.resolve(set.queries()), limit);
                            Score[] portalScores = {new Score(), new Score()};
                            Score[] baselineScores = {new Score(), new Score()};
                            for (Map.Entry<String, String> q : questions.entrySet()) {
                                String want = relevant.get(q.getKey());
                                if (want == null) {
                                    continue;
                                }
                                int half = heldOut(q.getKey()) ? 1 : 0;
                                List<String> got = portalIds(http, port, q.getValue());
                                List<String> plain = baselineIds(http, index.alias(), q.getValue());
                                portalScores[half].add(rank(got, want));
                                baselineScores[half].add(rank(plain, want));
                                if (rank(got, want) == 0 && rank(plain, want) > 0 && shown++ < MISSES) {
                                    System.out.printf(
                                            "  missed: %s  want %s (plain rank %d)  portal %s%n",
                                            q.getValue(), want, rank(plain, want), got);
                                }
                            }
                            System.out.printf("%n%s: %d passages%n", set.name(), passages.size());
                            System.out.printf("  tuning    portal   %s%n", portalScores[0].text());
                            System.out.printf("            baseline %s%n", baselineScores[0].text());
                            System.out.printf("  held out  portal   %s%n", portalScores[1].text());
                            System.out.printf("            baseline %s%n", baselineScores[1].text());
                        }
                    }
                }
            }
        } finally {
            TestDatabase.release();
            TestNode.release();
        }
    }

    /** The held-out half: questions whose id hashes to an odd number. */
    static boolean heldOut(String id) {
        return (id.hashCode() & 1) == 1;
    }

    public static List<Map<String, Object>> passages(Path corpus) throws Exception {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode p = JSON.readTree(line);
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put(Fields.ID, p.path("id").asText());
                doc.put(Fields.TITLE, p.path("title").asText());
                doc.put(Fields.TEXT, p.path("text").asText());
                doc.put(Fields.TYPE, "百科");
                doc.put(Fields.CANONICAL, true);
                docs.add(doc);
            }
        }
        return docs;
    }

    /** Question id to the id of the passage it was written on. */
    public static Map<String, String> qrels(Path file) throws Exception {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length >= 4 && !f[3].equals("0")) {
                out.put(f[0], f[2]);
            }
        }
        return out;
    }

    public static Map<String, String> questions(Path file, int limit) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0 && out.size() < limit) {
                out.put(line.substring(0, tab), line.substring(tab + 1).strip());
            }
        }
        return out;
    }

    /** 1-based rank of the passage among the first ten, 0 when not there. */
    public static int rank(List<String> ids, String want) {
        int i = ids.indexOf(want);
        return i < 0 ? 0 : i + 1;
    }

    public static List<String> portalIds(HttpClient http, int port, String question) throws Exception {
        URI uri = URI.create("http://localhost:" + port + "/api/search?size=" + K + "&q="
                + URLEncoder.encode(question, StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(question + ": " + r.statusCode() + " " + r.body());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode hit : JSON.readTree(r.body()).path("hits")) {
            ids.add(hit.path("id").asText());
        }
        return ids;
    }

    /** The plain baseline: every bigram of the question OR-ed over the text's and the title's bigram fields. */
    public static List<String> baselineIds(HttpClient http, String index, String question) throws Exception {
        Map<String, Object> body = Map.of(
                "size",
                K,
                "_source",
                false,
                "query",
                Map.of(
                        "multi_match",
                        Map.of("query", question, "fields", List.of(Fields.TEXT_BIGRAMS, Fields.TITLE_BIGRAMS))));
        HttpRequest post = HttpRequest.newBuilder(URI.create(TestIndex.url() + "/" + index + "/_search"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> r = http.send(post, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(question + ": " + r.statusCode() + " " + r.body());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode hit : JSON.readTree(r.body()).path("hits").path("hits")) {
            ids.add(hit.path("_id").asText());
        }
        return ids;
    }
}
