package org.wenshi.ingest.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.wenshi.ingest.IngestCommand;
import org.wenshi.ingest.extract.ExtractInput;
import org.wenshi.ingest.extract.ExtractionException;
import org.wenshi.ingest.extract.HtmlExtractor;
import org.wenshi.ingest.source.Source;
import org.wenshi.localnode.testing.TestNode;
import org.wenshi.schema.ElasticsearchConnection;
import org.wenshi.schema.Fields;
import org.wenshi.schema.IndexDefinition;
import org.wenshi.schema.IndexNames;

/**
 * HTML documents per second end to end, beside the bare cost of the same work in the same run.
 *
 * <p>It writes N pages (default 5,000) made from the 42 development pages of the web fixture set
 * (committee, newspaper and portal layouts with their boilerplate; UTF-8, GBK, GB18030 and Big5),
 * each page with its first paragraph extended by a numbered sentence so that every document is
 * distinct, into a folder. Then, on the test node ({@code -Dwenshi.test.home}, its own
 * {@code WENSHI_HOME}-style folder), it times:
 *
 * <ol>
 *   <li><b>ingest</b>: the real command ({@code IngestCommand.run}) on the folder into a fresh index;
 *   <li><b>jsoup</b>: {@code Jsoup.parse} of every page, decoded with its charset, on all cores;
 *   <li><b>extract</b>: {@link HtmlExtractor} on every page, on all cores (charset detection included);
 *   <li><b>bulk</b>: a bare {@code _bulk} of the documents ingest produced (read back from the index) into a
 *       second fresh index, 500 per request, one request at a time, then a refresh.
 * </ol>
 *
 * <p>Command: {@code mvn -q -pl ingest test-compile exec:java@html-benchmark -Dwenshi.test.home=/tmp/wenshi-bench}
 * (options {@code -Dwenshi.bench.pages=5000}).
 */
public final class HtmlIngestBenchmark {
    private static final int BULK_BATCH = 500;

    private HtmlIngestBenchmark() {}

    record Page(String name, byte[] bytes, Charset charset, String url) {}

    public static void main(String[] args) throws Exception {
        int pages = Integer.getInteger("wenshi.bench.pages", 5000);
        int cores = Runtime.getRuntime().availableProcessors();
        Path folder = Files.createTempDirectory("wenshi-html-bench");
        Path home = Files.createTempDirectory("wenshi-html-bench-home");
        List<Page> corpus = corpus(pages);
        long bytes = 0;
        for (Page p : corpus) {
            Files.write(folder.resolve(p.name()), p.bytes());
            bytes += p.bytes().length;
        }
        System.out.printf(
                Locale.ROOT,
                "HTML ingest benchmark: %d pages (%.1f MB) from the web fixture layouts, %d cores, Java %s%n",
                pages,
                bytes / 1e6,
                cores,
                System.getProperty("java.version"));

        try (ElasticsearchConnection connection =
                ElasticsearchConnection.open(TestNode.url().toString())) {
            ElasticsearchClient client = connection.client();
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            IndexNames ingestIndex = new IndexNames("bench-html-" + suffix);
            IndexNames bulkIndex = new IndexNames("bench-html-bulk-" + suffix);
            try {
                // Warm-up: JIT for the extractor and parser on a tenth of the pages.
                extract(corpus.subList(0, Math.max(1, pages / 10)));

                long t0 = System.nanoTime();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int exit = IngestCommand.run(
                        new String[] {
                            "--es-url", TestNode.url().toString(), "--index", ingestIndex.alias(), folder.toString()
                        },
                        Map.of("WENSHI_HOME", home.toString()),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        System.err);
                double ingestS = (System.nanoTime() - t0) / 1e9;
                List<String> lines =
                        out.toString(StandardCharsets.UTF_8).lines().toList();
                String last = lines.get(lines.size() - 1);
                if (exit != 0) {
                    throw new IllegalStateException("ingest exited " + exit + ": " + lines);
                }

                long t1 = System.nanoTime();
                long parsed = ForkJoinPool.commonPool()
                        .submit(() -> corpus.parallelStream()
                                .mapToLong(p -> Jsoup.parse(new String(p.bytes(), p.charset()), p.url())
                                                        .body()
                                                        .childrenSize()
                                                > 0
                                        ? 1
                                        : 0)
                                .sum())
                        .get();
                double jsoupS = (System.nanoTime() - t1) / 1e9;

                long t2 = System.nanoTime();
                long extracted = extract(corpus);
                double extractS = (System.nanoTime() - t2) / 1e9;

                List<ObjectNode> docs = documents(client, ingestIndex.alias(), pages);
                IndexDefinition.load().ensureIndex(client, bulkIndex);
                long t3 = System.nanoTime();
                bulk(client, bulkIndex.alias(), docs);
                double bulkS = (System.nanoTime() - t3) / 1e9;

                System.out.println("ingest last line: " + last);
                System.out.printf(Locale.ROOT, "%-44s %10s %10s %8s%n", "step", "seconds", "docs/s", "ratio");
                double ingestRate = pages / ingestS;
                row("ingest end to end (IngestCommand, 1 run)", ingestS, pages, ingestRate);
                row("Jsoup.parse alone (all cores)", jsoupS, parsed, ingestRate);
                row("HtmlExtractor alone (all cores)", extractS, extracted, ingestRate);
                row("bare _bulk of the same documents", bulkS, docs.size(), ingestRate);
                System.out.printf(
                        Locale.ROOT,
                        "end to end vs bare extract + bare bulk (%.2f s): %.2fx the time; target >= 150 docs/s end to end: %s%n",
                        extractS + bulkS,
                        ingestS / (extractS + bulkS),
                        ingestRate >= 150 ? "met" : "NOT met");
            } finally {
                client.indices().delete(d -> d.index(ingestIndex.versioned(), bulkIndex.versioned())
                        .ignoreUnavailable(true));
            }
        } finally {
            deleteTree(folder);
            deleteTree(home);
            TestNode.release();
        }
    }

    private static void row(String step, double seconds, long docs, double ingestRate) {
        double rate = docs / seconds;
        System.out.printf(Locale.ROOT, "%-44s %10.2f %10.1f %7.2fx%n", step, seconds, rate, rate / ingestRate);
    }

    private static long extract(List<Page> pages) throws Exception {
        HtmlExtractor extractor = new HtmlExtractor();
        return ForkJoinPool.commonPool()
                .submit(() -> pages.parallelStream()
                        .mapToLong(p -> {
                            try {
                                extractor.extract(new ExtractInput(
                                        p.bytes(),
                                        Source.ofWeb(p.url(), "text/html", Source.Kind.WEB),
                                        java.util.Optional.empty()));
                                return 1;
                            } catch (ExtractionException e) {
                                throw new IllegalStateException(p.name() + ": " + e.getMessage(), e);
                            }
                        })
                        .sum())
                .get();
    }

    /** The documents ingest wrote, as stored, in id order. */
    private static List<ObjectNode> documents(ElasticsearchClient client, String alias, int expected)
            throws IOException {
        List<ObjectNode> docs = new ArrayList<>();
        List<co.elastic.clients.elasticsearch._types.FieldValue> after = null;
        while (true) {
            List<co.elastic.clients.elasticsearch._types.FieldValue> from = after;
            var r = client.search(
                    s -> {
                        s.index(alias)
                                .size(1000)
                                .sort(so -> so.field(f -> f.field(Fields.ID).order(SortOrder.Asc)));
                        if (from != null) {
                            s.searchAfter(from);
                        }
                        return s;
                    },
                    ObjectNode.class);
            List<Hit<ObjectNode>> hits = r.hits().hits();
            if (hits.isEmpty()) {
                break;
            }
            hits.forEach(h -> docs.add(h.source()));
            after = hits.get(hits.size() - 1).sort();
        }
        if (docs.size() != expected) {
            throw new IllegalStateException("ingest indexed " + docs.size() + " documents, expected " + expected);
        }
        return docs;
    }

    private static void bulk(ElasticsearchClient client, String alias, List<ObjectNode> docs) throws IOException {
        for (int i = 0; i < docs.size(); i += BULK_BATCH) {
            BulkRequest.Builder b = new BulkRequest.Builder().index(alias);
            for (ObjectNode d : docs.subList(i, Math.min(docs.size(), i + BULK_BATCH))) {
                b.operations(
                        op -> op.index(ix -> ix.id(d.get(Fields.ID).asText()).document(d)));
            }
            BulkResponse r = client.bulk(b.build());
            if (r.errors()) {
                throw new IllegalStateException(
                        "bare bulk had errors: " + r.items().get(0).error());
            }
        }
        client.indices().refresh(r -> r.index(alias));
    }

    /** {@code n} distinct pages made from the development pages of the web fixture set. */
    static List<Page> corpus(int n) throws IOException {
        List<String> names = new ArrayList<>();
        String index = resource("index.txt");
        for (String line : index.split("\n")) {
            if (line.strip().equals("[held-out]")) {
                break;
            }
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.strip());
            }
        }
        List<Page> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = names.get(i % names.size());
            String gold = resource(name + ".gold.txt");
            Charset charset = Charset.forName(field(gold, "charset"));
            String firstParagraph = gold.substring(gold.indexOf("\n---\n") + 5).split("\n")[0];
            String html = new String(bytes(name + ".html"), charset);
            String marked = html.replace(firstParagraph, firstParagraph + "本篇为基准测试第" + i + "号样页，内容据示例改写。");
            if (marked.equals(html)) {
                throw new IllegalStateException("cannot find the first paragraph of " + name + " in its page");
            }
            String url = field(gold, "url").replaceFirst("(\\.[a-z]+)?$", "-" + i + "$1");
            out.add(new Page(
                    String.format(Locale.ROOT, "%05d_%s.html", i, name), marked.getBytes(charset), charset, url));
        }
        return out;
    }

    private static String field(String gold, String key) {
        return gold.lines()
                .filter(l -> l.startsWith(key + ": "))
                .findFirst()
                .orElseThrow()
                .substring(key.length() + 2);
    }

    private static String resource(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = HtmlIngestBenchmark.class.getResourceAsStream("/web-extraction/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing web fixture " + name);
            }
            return in.readAllBytes();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
