package org.wenshi.schema.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.mapping.IndexOptions;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.wenshi.localnode.testing.TestNode;
import org.wenshi.schema.ElasticsearchConnection;
import org.wenshi.schema.Fields;
import org.wenshi.schema.IndexDefinition;
import org.wenshi.schema.IndexNames;

/**
 * Does highlighting stay fast on long documents because {@code index.json} indexes the text fields
 * with {@code "index_options": "offsets"}? Two indices on one node hold the same synthetic documents
 * of about 10k, 100k and 1M characters: A is the real definition, B the same definition with
 * {@code index_options} removed (so the unified highlighter re-analyses the text instead of reading
 * offsets from the postings). The same searches with the portal's highlighting run against both,
 * interleaved, and the table gives latencies and the ratio B/A, which is what to compare on a noisy
 * machine. Also prints the size on disk of both indices, since offsets cost space.
 *
 * <p>A benchmark, not a test: it asserts no timing. It fails only when the searches do not do what
 * is measured (no hit, no {@code <mark>}). It always deletes its two indices, and stops the node
 * that {@link TestNode} started for it; an external node ({@value #URL_PROPERTY}) is left running.
 *
 * <pre>mvn -q -pl schema test-compile exec:java@highlight-benchmark -Dwenshi.test.home=/tmp/wenshi-bench</pre>
 *
 * System properties: {@value #URL_PROPERTY}, {@code wenshi.bench.docs-per-size} (5), {@code
 * wenshi.bench.iterations} (30), {@code wenshi.bench.warmup} (5).
 */
public final class HighlightBenchmark {
    /** An Elasticsearch to measure instead of the test node; never started or stopped. */
    static final String URL_PROPERTY = "wenshi.bench.es-url";

    private static final int[] SIZES = {10_000, 100_000, 1_000_000};

    // The portal's highlighting, as SearchQueryBuilder.highlight() builds it (the portal module is
    // not a dependency of schema, hence the copy of its constants here).
    private static final int FRAGMENT_SIZE = 120;
    private static final int FRAGMENTS = 3;
    private static final int NO_MATCH_SIZE = 160;

    private final ElasticsearchClient client;
    private final int docsPerSize;
    private final int iterations;
    private final int warmup;

    private HighlightBenchmark(ElasticsearchClient client, int docsPerSize, int iterations, int warmup) {
        this.client = client;
        this.docsPerSize = docsPerSize;
        this.iterations = iterations;
        this.warmup = warmup;
    }

    public static void main(String[] args) throws Exception {
        int docsPerSize = Integer.getInteger("wenshi.bench.docs-per-size", 5);
        int iterations = Integer.getInteger("wenshi.bench.iterations", 30);
        int warmup = Integer.getInteger("wenshi.bench.warmup", 5);
        String external = System.getProperty(URL_PROPERTY);
        try {
            String url = external != null && !external.isBlank()
                    ? external.trim()
                    : TestNode.url().toString();
            try (ElasticsearchConnection connection = ElasticsearchConnection.open(url)) {
                new HighlightBenchmark(connection.client(), docsPerSize, iterations, warmup).run(connection);
            }
        } finally {
            TestNode.release();
        }
    }

    private void run(ElasticsearchConnection connection) throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        IndexNames offsets = new IndexNames("bench-offsets-" + suffix);
        String noOffsets = "bench-no-offsets-" + suffix;
        System.out.printf(
                Locale.ROOT,
                "Highlight benchmark: Elasticsearch %s at %s, %d cores (client JVM), %d docs per size, %d warm-up"
                        + " + %d timed requests per (index, size, query)%n",
                nodeVersion(),
                connection,
                Runtime.getRuntime().availableProcessors(),
                docsPerSize,
                warmup,
                iterations);
        try {
            IndexDefinition.load().ensureIndex(client, offsets);
            ObjectNode stripped = withoutIndexOptions(IndexDefinition.load().tree());
            client.indices().create(c -> c.index(noOffsets).withJson(new StringReader(stripped.toString())));
            checkIndexOptions(offsets.versioned(), IndexOptions.Offsets);
            checkIndexOptions(noOffsets, null);

            Target a = new Target("A offsets", offsets.alias(), offsets.versioned());
            Target b = new Target("B analysis", noOffsets, noOffsets);
            Map<Integer, List<String>> idsBySize = index(a, b);

            List<Row> rows = new ArrayList<>();
            for (int size : SIZES) {
                for (QueryKind kind : QueryKind.values()) {
                    rows.add(measure(size, kind, idsBySize.get(size), a, b));
                }
            }
            printTable(rows);
            printStoreSizes(a, b);
        } finally {
            client.indices().delete(d -> d.index(offsets.versioned(), noOffsets).ignoreUnavailable(true));
            System.out.println("Deleted " + offsets.versioned() + " and " + noOffsets + ".");
        }
    }

    /** From {@code _nodes}: the local node ships without the module that serves {@code GET /}. */
    private String nodeVersion() throws IOException {
        return client.nodes()
                .info(n -> n.nodeId("_local").metric("_none"))
                .nodes()
                .values()
                .iterator()
                .next()
                .version();
    }

    /**
     * A deep copy of the definition without any {@code index_options}: Elasticsearch's default for
     * text fields (positions) applies. Fails when there was nothing to remove, as then A and B would
     * be the same index.
     */
    static ObjectNode withoutIndexOptions(JsonNode definition) {
        ObjectNode copy = definition.deepCopy();
        int removed = removeIndexOptions(copy.path("mappings"));
        if (removed == 0) {
            throw new IllegalStateException("index.json sets no index_options: nothing to compare");
        }
        return copy;
    }

    private static int removeIndexOptions(JsonNode node) {
        int removed = 0;
        if (node instanceof ObjectNode object) {
            if (object.remove("index_options") != null) {
                removed++;
            }
            for (JsonNode child : object) {
                removed += removeIndexOptions(child);
            }
        }
        return removed;
    }

    /** Reads the mapping back from the node: A must index offsets for text and text.bigrams, B not. */
    private void checkIndexOptions(String index, IndexOptions expected) throws IOException {
        Property text = client.indices()
                .getMapping(m -> m.index(index))
                .get(index)
                .mappings()
                .properties()
                .get(Fields.TEXT);
        IndexOptions words = text.text().indexOptions();
        IndexOptions bigrams = text.text().fields().get("bigrams").text().indexOptions();
        if (words != expected || bigrams != expected) {
            throw new IllegalStateException(index + ": text/text.bigrams have index_options " + words + "/" + bigrams
                    + ", expected " + expected);
        }
    }

    private Map<Integer, List<String>> index(Target a, Target b) throws IOException {
        Map<Integer, List<String>> idsBySize = new LinkedHashMap<>();
        long[] nanos = new long[2];
        long chars = 0;
        for (int size : SIZES) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < docsPerSize; i++) {
                String id = label(size) + "-" + i;
                String text = SyntheticArchiveText.generate(size, size * 1_000L + i);
                chars += text.length();
                Map<String, Object> doc = Map.of(
                        Fields.ID,
                        id,
                        Fields.TITLE,
                        "文史资料选辑 第" + (i + 1) + "辑",
                        Fields.TEXT,
                        text,
                        Fields.CHAR_COUNT,
                        text.length());
                // Alternate which index goes first, so neither always meets a colder node.
                Target first = i % 2 == 0 ? a : b;
                Target second = first == a ? b : a;
                nanos[first == a ? 0 : 1] += timeIndexing(first, id, doc);
                nanos[second == a ? 0 : 1] += timeIndexing(second, id, doc);
                ids.add(id);
            }
            idsBySize.put(size, ids);
        }
        for (Target t : List.of(a, b)) {
            client.indices().refresh(r -> r.index(t.concrete()));
            client.indices().forcemerge(f -> f.index(t.concrete()).maxNumSegments(1L));
            client.indices().refresh(r -> r.index(t.concrete()));
        }
        System.out.printf(
                Locale.ROOT,
                "Indexed %d docs (%,d characters) into each index, merged to one segment: A %.1f s, B %.1f s"
                        + " (one doc per request)%n%n",
                SIZES.length * docsPerSize,
                chars,
                nanos[0] / 1e9,
                nanos[1] / 1e9);
        return idsBySize;
    }

    private long timeIndexing(Target target, String id, Map<String, Object> doc) throws IOException {
        long start = System.nanoTime();
        client.index(r -> r.index(target.name()).id(id).document(doc));
        return System.nanoTime() - start;
    }

    private Row measure(int size, QueryKind kind, List<String> ids, Target a, Target b) throws IOException {
        SearchRequest onA = request(a, kind, ids);
        SearchRequest onB = request(b, kind, ids);
        String snippetsA = snippets(search(onA), a, size, kind);
        String snippetsB = snippets(search(onB), b, size, kind);
        for (int i = 1; i < warmup; i++) {
            search(onA);
            search(onB);
        }
        Samples samplesA = new Samples(iterations);
        Samples samplesB = new Samples(iterations);
        for (int i = 0; i < iterations; i++) {
            if (i % 2 == 0) {
                samplesA.add(onA);
                samplesB.add(onB);
            } else {
                samplesB.add(onB);
                samplesA.add(onA);
            }
        }
        return new Row(size, kind, samplesA, samplesB, snippetsA.equals(snippetsB));
    }

    private SearchRequest request(Target target, QueryKind kind, List<String> ids) {
        Query match = kind.query(SyntheticArchiveText.TARGET);
        List<FieldValue> idValues = ids.stream().map(FieldValue::of).toList();
        Query onlyThisSize = Query.of(q -> q.terms(t -> t.field(Fields.ID).terms(v -> v.value(idValues))));
        return SearchRequest.of(s -> s.index(target.name())
                .query(q -> q.bool(bool -> bool.must(match).filter(onlyThisSize)))
                .size(ids.size())
                .trackTotalHits(t -> t.enabled(true))
                .source(src -> src.filter(f -> f.includes(Fields.ID, Fields.TITLE)))
                .highlight(portalHighlight()));
    }

    /** SearchQueryBuilder.highlight() of the portal, field for field. */
    static Highlight portalHighlight() {
        return Highlight.of(h -> h.type(HighlighterType.Unified)
                .encoder(HighlighterEncoder.Html)
                .preTags("<mark>")
                .postTags("</mark>")
                .fields(Fields.TEXT_BIGRAMS, f -> f.fragmentSize(FRAGMENT_SIZE).numberOfFragments(FRAGMENTS))
                .fields(Fields.TEXT, f -> f.fragmentSize(FRAGMENT_SIZE)
                        .numberOfFragments(FRAGMENTS)
                        .noMatchSize(NO_MATCH_SIZE)));
    }

    private SearchResponse<Void> search(SearchRequest request) throws IOException {
        return client.search(request, Void.class);
    }

    /**
     * The snippets of a response, in a canonical order; fails unless every document of the size was
     * found and the bigram field marked the planted phrase: otherwise there is nothing to measure.
     */
    private String snippets(SearchResponse<Void> response, Target target, int size, QueryKind kind) {
        List<Hit<Void>> hits = response.hits().hits();
        String where = target.label() + ", " + label(size) + ", " + kind.label;
        if (hits.size() != docsPerSize) {
            throw new IllegalStateException(where + ": " + hits.size() + " hits, expected " + docsPerSize);
        }
        StringBuilder all = new StringBuilder();
        hits.stream().sorted((x, y) -> x.id().compareTo(y.id())).forEach(hit -> {
            List<String> marked = hit.highlight().getOrDefault(Fields.TEXT_BIGRAMS, List.of());
            if (marked.isEmpty() || !marked.get(0).contains("<mark>")) {
                throw new IllegalStateException(where + ": no <mark> in text.bigrams of " + hit.id());
            }
            all.append(hit.id()).append(hit.highlight()).append('\n');
        });
        return all.toString();
    }

    private void printTable(List<Row> rows) {
        String format = "%-6s %-7s | %9s %9s | %9s %9s | %7s %7s | %8s %8s | %s%n";
        System.out.printf(
                Locale.ROOT,
                format,
                "size",
                "query",
                "A p50 ms",
                "A p95 ms",
                "B p50 ms",
                "B p95 ms",
                "B/A p50",
                "B/A p95",
                "A took",
                "B took",
                "same snippets");
        System.out.println("-".repeat(112));
        for (Row row : rows) {
            System.out.printf(
                    Locale.ROOT,
                    format,
                    label(row.size()),
                    row.kind().label,
                    ms(row.a().latencyPercentile(50)),
                    ms(row.a().latencyPercentile(95)),
                    ms(row.b().latencyPercentile(50)),
                    ms(row.b().latencyPercentile(95)),
                    ratio(row.b().latencyPercentile(50), row.a().latencyPercentile(50)),
                    ratio(row.b().latencyPercentile(95), row.a().latencyPercentile(95)),
                    row.a().tookPercentile(50),
                    row.b().tookPercentile(50),
                    row.sameSnippets() ? "yes" : "NO");
        }
        System.out.println();
        System.out.println("A = index.json as is (index_options: offsets); B = the same without index_options."
                + " Latency measured by the client; took = p50 of Elasticsearch's own 'took' in ms.");
    }

    private void printStoreSizes(Target a, Target b) throws IOException {
        long sizeA = storeSize(a.concrete());
        long sizeB = storeSize(b.concrete());
        System.out.printf(
                Locale.ROOT,
                "Store size (primaries, one segment): A %.1f MiB, B %.1f MiB, A/B %.2f%n",
                sizeA / 1048576.0,
                sizeB / 1048576.0,
                (double) sizeA / sizeB);
    }

    private long storeSize(String index) throws IOException {
        return client.indices()
                .stats(s -> s.index(index).metric("store"))
                .indices()
                .get(index)
                .primaries()
                .store()
                .sizeInBytes();
    }

    private static String label(int size) {
        return size >= 1_000_000 ? size / 1_000_000 + "M" : size / 1_000 + "k";
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static String ratio(long numerator, long denominator) {
        return String.format(Locale.ROOT, "%.2f", (double) numerator / denominator);
    }

    /** The two searches the portal makes for one term. */
    private enum QueryKind {
        /** A word: matched in the smartcn words and in the character bigrams. */
        WORD("word") {
            @Override
            Query query(String term) {
                return Query.of(q -> q.bool(b -> b.should(
                                s -> s.match(m -> m.field(Fields.TEXT).query(term)))
                        .should(s -> s.match(m -> m.field(Fields.TEXT_BIGRAMS).query(term)))
                        .minimumShouldMatch("1")));
            }
        },
        /** A quoted phrase: consecutive bigrams. */
        PHRASE("phrase") {
            @Override
            Query query(String term) {
                return Query.of(
                        q -> q.matchPhrase(m -> m.field(Fields.TEXT_BIGRAMS).query(term)));
            }
        };

        final String label;

        QueryKind(String label) {
            this.label = label;
        }

        abstract Query query(String term);
    }

    /**
     * One index under test.
     *
     * @param label how the table names it
     * @param name what searches and writes address (the alias for A)
     * @param concrete the index itself, for stats and maintenance
     */
    private record Target(String label, String name, String concrete) {}

    private record Row(int size, QueryKind kind, Samples a, Samples b, boolean sameSnippets) {}

    /** Latencies seen by the client and Elasticsearch's {@code took} of the timed requests. */
    private final class Samples {
        private final long[] nanos;
        private final long[] took;
        private int n;

        Samples(int capacity) {
            nanos = new long[capacity];
            took = new long[capacity];
        }

        void add(SearchRequest request) throws IOException {
            long start = System.nanoTime();
            SearchResponse<Void> response = search(request);
            nanos[n] = System.nanoTime() - start;
            took[n] = response.took();
            n++;
        }

        long latencyPercentile(int p) {
            return percentile(nanos, p);
        }

        long tookPercentile(int p) {
            return percentile(took, p);
        }

        /** Nearest rank: of 30 samples, p50 is the 15th smallest and p95 the 29th. */
        private long percentile(long[] values, int p) {
            long[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * n);
            return sorted[Math.max(rank, 1) - 1];
        }
    }
}
