package org.wenshi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.ingest.extract.Fixtures;
import org.wenshi.ingest.source.Source;
import org.wenshi.localnode.testing.TestNode;
import org.wenshi.schema.Fields;

/**
 * The real command (its {@code run} method, in-process) against the real Elasticsearch node the build
 * starts ({@link TestNode}), each test with its own alias, removed afterwards.
 */
class IngestIT {
    private static final String LAST_LINE = "ingested=\\d+ unchanged=\\d+ duplicates=\\d+ skipped=\\d+ failed=\\d+";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @RegisterExtension
    final ItIndex index = new ItIndex("it-ingest");

    private Path home;

    @BeforeEach
    void home() {
        home = tmp.resolve("home");
    }

    private CommandRun ingest(String... sources) {
        CommandRun run = CommandRun.ingest(home, index.names().alias(), sources);
        assertThat(run.lastLine()).matches(LAST_LINE);
        return run;
    }

    private ObjectNode document(Path file) throws Exception {
        return index.document(file);
    }

    private List<String> idsMatching(String field, String words) throws Exception {
        SearchResponse<ObjectNode> r = index.client()
                .search(
                        s -> s.index(index.names().alias())
                                .size(50)
                                .query(q -> q.matchPhrase(m -> m.field(field).query(words))),
                        ObjectNode.class);
        return r.hits().hits().stream().map(Hit::id).toList();
    }

    private Map<String, JsonNode> reportBySource(Path report) throws Exception {
        JsonNode json = JSON.readTree(report.toFile());
        Map<String, JsonNode> bySource = new HashMap<>();
        json.path("sources").forEach(s -> bySource.put(s.path("source").asText(), s));
        return bySource;
    }

    private static String url(Path file) {
        return Source.ofFile(file).url();
    }

    @Test
    void ingestsGoodFilesReportsBadOnesAndNoticesUnchangedModifiedAndDuplicateFiles() throws Exception {
        Path archive = Files.createDirectories(tmp.resolve("archive"));
        Path report = archive.resolve("nanyang_report.txt");
        Files.writeString(report, """
                政协南阳市第七届委员会常务委员会工作报告
                （2024年1月10日在政协南阳市第七届委员会第三次会议上）
                各位委员：
                　　过去一年，南阳市政协围绕乡村振兴和城市更新开展专题协商，提出意见建议一百余条。
                """, StandardCharsets.UTF_8);
        Path xuchang = archive.resolve("xuchang_gbk.html");
        Files.write(xuchang, Fixtures.bytes("html_gbk_charset_in_meta.html"));
        Path luohe = Files.createDirectories(archive.resolve("sub")).resolve("luohe_no_charset.html");
        Files.write(luohe, Fixtures.bytes("html_gbk_no_charset.html"));
        Path bazhong = archive.resolve("taiwan_big5.html");
        Files.write(bazhong, Fixtures.bytes("html_big5_traditional.html"));
        Path empty = Files.write(archive.resolve("empty.txt"), new byte[0]);
        Path binary = Files.write(archive.resolve("binary.txt"), new byte[] {
            (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 1
        });
        Path unsupported = Files.writeString(archive.resolve("data.xyz"), "政协");

        CommandRun first = ingest(archive.toString());
        assertThat(first.lastLine()).isEqualTo("ingested=4 unchanged=0 duplicates=0 skipped=1 failed=2");
        assertThat(first.out()).anyMatch(l -> l.startsWith("done: "));
        assertThat(first.report()).startsWith(home.resolve("reports")).exists();
        Map<String, JsonNode> reported = reportBySource(first.report());
        assertThat(reported).hasSize(7);
        assertThat(reported.get(url(empty)).path("outcome").asText()).isEqualTo("failed");
        assertThat(reported.get(url(empty)).path("reason").asText()).contains("empty");
        assertThat(reported.get(url(binary)).path("outcome").asText()).isEqualTo("failed");
        assertThat(reported.get(url(binary)).path("reason").asText()).contains("binary");
        assertThat(reported.get(url(unsupported)).path("outcome").asText()).isEqualTo("skipped");
        assertThat(reported.get(url(unsupported)).path("reason").asText())
                .isEqualTo("unsupported format: .xyz (not yet supported)");
        assertThat(reported.get(url(xuchang)).path("outcome").asText()).isEqualTo("indexed");
        assertThat(JSON.readTree(first.report().toFile())
                        .path("counts")
                        .path("failed")
                        .asInt())
                .isEqualTo(2);

        ObjectNode r = document(report);
        assertThat(r.get(Fields.TITLE).asText()).isEqualTo("政协南阳市第七届委员会常务委员会工作报告");
        assertThat(r.get(Fields.URL).asText())
                .isEqualTo(report.toAbsolutePath().normalize().toUri().toString());
        assertThat(r.get(Fields.CITY).asText()).isEqualTo("南阳市");
        assertThat(r.get(Fields.PROVINCE_CODE).asText()).isEqualTo("410000");
        assertThat(r.get(Fields.YEAR).asInt()).isEqualTo(2024);
        assertThat(r.get(Fields.DATE).asText()).isEqualTo("2024-01-10");
        assertThat(r.get(Fields.TYPE).asText()).isEqualTo("工作报告");

        ObjectNode x = document(xuchang);
        assertThat(x.get(Fields.TITLE).asText()).isEqualTo("许昌市政协委员视察乡村振兴工作");
        assertThat(x.get(Fields.CITY).asText()).isEqualTo("许昌市");
        assertThat(x.get(Fields.YEAR).asInt()).isEqualTo(2023);
        assertThat(x.get(Fields.THEMES).toString()).contains("乡村振兴与农业");
        assertThat(x.get(Fields.TEXT).asText()).doesNotContain("当前位置", "上一篇", "版权所有");

        ObjectNode l = document(luohe);
        assertThat(l.get(Fields.TITLE).asText()).isEqualTo("漯河市政协编印《漯河记忆》第五辑");
        assertThat(l.get(Fields.CITY).asText()).isEqualTo("漯河市");
        assertThat(l.get(Fields.YEAR).asInt()).isEqualTo(2022);

        ObjectNode b = document(bazhong);
        assertThat(b.get(Fields.TITLE).asText()).isEqualTo("臺灣同胞回鄉探親記");
        assertThat(b.get(Fields.CITY).asText()).isEqualTo("巴中市");
        assertThat(b.get(Fields.YEAR).asInt()).isEqualTo(2019);
        assertThat(b.get(Fields.SCRIPT).asText()).isEqualTo("traditional");

        assertThat(idsMatching(Fields.TEXT_BIGRAMS, "农民专业合作社"))
                .containsExactly(Source.ofFile(xuchang).documentId());
        assertThat(idsMatching(Fields.TEXT_BIGRAMS, "台湾同胞"))
                .containsExactly(Source.ofFile(bazhong).documentId());
        assertThat(index.client().count(c -> c.index(index.names().alias())).count())
                .isEqualTo(4);

        CommandRun second = ingest(archive.toString());
        assertThat(second.lastLine()).isEqualTo("ingested=0 unchanged=4 duplicates=0 skipped=1 failed=2");
        assertThat(document(report).get(Fields.INGESTED_AT)).isEqualTo(r.get(Fields.INGESTED_AT));

        Files.writeString(
                report,
                "　　新的一年，市政协将聚焦民生保障，开展“有事好商量”协商活动。\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        CommandRun third = ingest(archive.toString());
        assertThat(third.lastLine()).isEqualTo("ingested=1 unchanged=3 duplicates=0 skipped=1 failed=2");
        ObjectNode modified = document(report);
        assertThat(modified.get(Fields.TEXT).asText()).contains("有事好商量");
        assertThat(modified.get(Fields.CONTENT_HASH)).isNotEqualTo(r.get(Fields.CONTENT_HASH));
        assertThat(index.client().count(c -> c.index(index.names().alias())).count())
                .isEqualTo(4);

        // The same page saved again as UTF-8 under another name: same content, so a duplicate.
        String page = new String(Fixtures.bytes("html_gbk_charset_in_meta.html"), Charset.forName("GBK"))
                .replace("charset=gb2312", "charset=utf-8");
        Path copy = Files.writeString(archive.resolve("copy_of_xuchang.html"), page, StandardCharsets.UTF_8);
        CommandRun fourth = ingest(archive.toString());
        assertThat(fourth.lastLine()).isEqualTo("ingested=0 unchanged=4 duplicates=1 skipped=1 failed=2");
        JsonNode dup = reportBySource(fourth.report()).get(url(copy));
        assertThat(dup.path("outcome").asText()).isEqualTo("duplicate");
        assertThat(dup.path("duplicate_of").asText())
                .isEqualTo(Source.ofFile(xuchang).documentId());
        ObjectNode c = document(copy);
        assertThat(c.get(Fields.CANONICAL).asBoolean()).isFalse();
        assertThat(c.get(Fields.DUPLICATE_OF).asText())
                .isEqualTo(Source.ofFile(xuchang).documentId());
        assertThat(document(xuchang).get(Fields.CANONICAL).asBoolean()).isTrue();

        CommandRun fifth = ingest(archive.toString());
        assertThat(fifth.lastLine()).isEqualTo("ingested=0 unchanged=5 duplicates=0 skipped=1 failed=2");
    }

    @Test
    void makesAndIngestsTheSampleArchive() throws Exception {
        CommandRun run = ingest("--sample", "--sample-size", "60");
        assertThat(run.out()).anyMatch(l -> l.contains("making 60 documents"));
        assertThat(run.lastLine()).matches("ingested=\\d+ unchanged=0 duplicates=\\d+ skipped=0 failed=0");
        String[] counts = run.lastLine().split("[ =]");
        assertThat(Integer.parseInt(counts[1]) + Integer.parseInt(counts[5])).isEqualTo(60);
        assertThat(home.resolve("sample/README.txt")).exists();
        assertThat(index.client().count(c -> c.index(index.names().alias())).count())
                .isEqualTo(60);

        CommandRun again = ingest("--sample", "--sample-size", "60");
        assertThat(again.out()).anyMatch(l -> l.contains("reusing"));
        assertThat(again.lastLine()).isEqualTo("ingested=0 unchanged=60 duplicates=0 skipped=0 failed=0");
    }
}
