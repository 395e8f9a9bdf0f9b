package org.wenshi.portal.search.relevance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relevance command: sends every judged query of a judgements file to a running portal's
 * {@code /api/search} (the ranking users get, through the whole stack) and prints, per query and on
 * average, nDCG@10 and the reciprocal rank. A command, not a test: it measures, it does not pass or
 * fail. Started by {@code portal/src/relevance/relevance.sh}, which regenerates and ingests the
 * sample archive into an index of its own first.
 *
 * <p>Usage: {@code RelevanceEvaluation JUDGEMENTS.tsv http://localhost:PORT}
 */
public final class RelevanceEvaluation {
    static final int K = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RelevanceEvaluation() {}

    /** Judgements per query, in file order: title → grade. */
    static Map<String, Map<String, Integer>> read(Path file) throws IOException {
        Map<String, Map<String, Integer>> judged = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != 3) {
                throw new IllegalArgumentException(
                        file + ":" + lineNumber + ": expected query<TAB>grade<TAB>title, got: " + line);
            }
            judged.computeIfAbsent(parts[0], q -> new LinkedHashMap<>())
                    .put(parts[2].strip(), Integer.parseInt(parts[1].strip()));
        }
        return judged;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: RelevanceEvaluation JUDGEMENTS.tsv BASE_URL");
            System.exit(2);
        }
        Map<String, Map<String, Integer>> judged = read(Path.of(args[0]));
        HttpClient http = HttpClient.newHttpClient();
        double ndcgSum = 0;
        double rrSum = 0;
        System.out.printf("%-8s %-6s %-5s  %s%n", "nDCG@10", "RR", "hits", "query");
        for (Map.Entry<String, Map<String, Integer>> e : judged.entrySet()) {
            String query = e.getKey();
            URI uri = URI.create(args[1] + "/api/search?size=" + K + "&q="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
            HttpResponse<String> response =
                    http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode result = JSON.readTree(response.body());
            List<String> titles = new ArrayList<>();
            result.path("hits").forEach(h -> titles.add(h.path("title").asText()));
            double ndcg = RankingMetrics.ndcg(titles, e.getValue(), K);
            double rr = RankingMetrics.reciprocalRank(titles, e.getValue());
            ndcgSum += ndcg;
            rrSum += rr;
            System.out.printf(
                    "%-8.3f %-6.3f %-5d  %s%n", ndcg, rr, result.path("total").asLong(), query);
        }
        int n = judged.size();
        System.out.printf(
                "queries=%d judgements=%d%n",
                n, judged.values().stream().mapToInt(Map::size).sum());
        System.out.printf("mean nDCG@10=%.3f MRR=%.3f%n", ndcgSum / n, rrSum / n);
    }
}
