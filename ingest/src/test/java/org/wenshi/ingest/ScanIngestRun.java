package org.wenshi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.wenshi.ingest.ocr.CharacterErrorRate;
import org.wenshi.ingest.sample.scan.ScannedPage;
import org.wenshi.ingest.source.Source;
import org.wenshi.localnode.testing.TestNode;
import org.wenshi.schema.ElasticsearchConnection;
import org.wenshi.schema.Fields;
import org.wenshi.schema.IndexNames;

/**
 * The real ingest command run in-process on a folder of rendered scans against the build's test node
 * ({@link TestNode}), with its own alias removed at {@link #close}; and the checks the OCR
 * integration tests share: documents, phrase search, character error rate per page.
 */
final class ScanIngestRun implements AutoCloseable {
    private final ElasticsearchConnection connection;
    final ElasticsearchClient client;
    final IndexNames names;
    final Path home;

    ScanIngestRun(Path home) {
        this.connection = ElasticsearchConnection.open(TestNode.url().toString());
        this.client = connection.client();
        this.names = new IndexNames("it-ocr-" + UUID.randomUUID().toString().substring(0, 8));
        this.home = home;
    }

    /** Runs {@code wenshi-ingest} on {@code folder}; returns its last line. */
    String ingest(Path folder) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = IngestCommand.run(
                new String[] {"--es-url", TestNode.url().toString(), "--index", names.alias(), folder.toString()},
                Map.of("WENSHI_HOME", home.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(exit)
                .as("exit code; stderr: %s", err.toString(StandardCharsets.UTF_8))
                .isZero();
        return lines.get(lines.size() - 1);
    }

    ObjectNode document(Path file) throws IOException {
        String id = Source.ofFile(file).documentId();
        var response = client.get(g -> g.index(names.alias()).id(id), ObjectNode.class);
        assertThat(response.found()).as("document for %s", file).isTrue();
        return response.source();
    }

    /** Ids of documents where {@code field} has the phrase {@code words}. */
    List<String> phrase(String field, String words) throws IOException {
        SearchResponse<ObjectNode> r = client.search(
                s -> s.index(names.alias())
                        .size(20)
                        .query(q -> q.matchPhrase(m -> m.field(field).query(words))),
                ObjectNode.class);
        return r.hits().hits().stream().map(Hit::id).toList();
    }

    /**
     * Prints the character error rate of each indexed page of {@code file} against what was printed on
     * it and returns the worst; {@code hanOnly} counts Han characters only.
     */
    double printErrorRates(Path file, List<ScannedPage> printed, boolean hanOnly) throws IOException {
        ObjectNode doc = document(file);
        assertThat(doc.get(Fields.PAGES)).as("pages of %s", file).hasSize(printed.size());
        double worst = 0;
        for (int i = 0; i < printed.size(); i++) {
            String read = doc.get(Fields.PAGES).get(i).get("text").asText();
            String expected = printed.get(i).text();
            double cer = hanOnly ? CharacterErrorRate.ofHan(expected, read) : CharacterErrorRate.of(expected, read);
            System.out.printf(
                    Locale.ROOT,
                    "OCR character error rate, %s page %d%s: %.2f%% of %d characters (confidence %.1f)%n",
                    file.getFileName(),
                    i + 1,
                    hanOnly ? " (Han characters only)" : "",
                    cer * 100,
                    expected.replaceAll("\\s", "").length(),
                    doc.get(Fields.PAGES).get(i).get("ocr_confidence").asDouble());
            worst = Math.max(worst, cer);
        }
        return worst;
    }

    /**
     * The Han characters (up to {@code n}) either side of the break between printed lines 2 and 3 of
     * {@code page}: a phrase a reader would search that the page's layout cut in two.
     */
    static String phraseAcrossLineBreak(ScannedPage page, int n) {
        List<String> lines = page.text().lines().toList();
        String before = lines.get(1).replaceAll("^.*[^\\p{IsHan}]", "");
        String after = lines.get(2).replaceAll("[^\\p{IsHan}].*$", "");
        assertThat(before)
                .as("Han characters ending line 2 of page %d", page.n())
                .isNotEmpty();
        assertThat(after)
                .as("Han characters starting line 3 of page %d", page.n())
                .isNotEmpty();
        return before.substring(Math.max(0, before.length() - n)) + after.substring(0, Math.min(n, after.length()));
    }

    @Override
    public void close() throws IOException {
        client.indices().delete(d -> d.index(names.versioned()).ignoreUnavailable(true));
        connection.close();
    }
}
