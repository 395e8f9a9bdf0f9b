package org.wenshi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.wenshi.schema.Fields;

/**
 * A {@code .warc.gz} written here with jwarc's writer, given as SOURCE to the real command against the
 * test node, or found in a folder among ordinary files: its HTTP 200 HTML responses become documents
 * with their own web address; a 404, an image and a revisit record are reported skipped with
 * reasons; request, metadata and warcinfo records are not sources at all.
 */
class WarcIngestIT {
    private static final Instant CAPTURED = Instant.parse("2024-05-14T07:42:00Z");

    @TempDir
    Path tmp;

    @RegisterExtension
    final ItIndex index = new ItIndex("it-warc");

    private static final String UTF8_PAGE =
            "<html><head><meta charset=\"utf-8\"><title>市政协召开文史资料征集座谈会 - 新乡政协网</title></head>"
                    + "<body><div class=\"nav\"><a href=\"/\">首页</a></div><div class=\"article\"><h1>市政协召开文史资料征集座谈会</h1>"
                    + "<div class=\"info\">发布时间：2024-05-13 来源：市政协文史委</div>"
                    + "<p>5月13日，市政协召开文史资料征集座谈会，邀请十余位老同志讲述卫河航运的往事。</p>"
                    + "<p>与会同志回忆了码头、船帮和货栈的旧貌，文史委将整理成册。</p></div>"
                    + "<div class=\"footer\">版权所有：新乡市政协</div></body></html>";
    private static final String GBK_PAGE = "<html><head><title>辉县老城墙的故事</title></head><body>"
            + "<table><tr><td class=\"content\"><b>辉县老城墙的故事</b><br>作者：闫春来　更新时间：2011-8-2<br>"
            + "　　老城墙始建年代久远，城门四座，东门外是热闹的集市。<br>　　上世纪五十年代，城墙大部分被拆除，只留下北门一段。"
            + "</td></tr></table></body></html>";

    private static HttpResponse page(int status, String reason, String type, byte[] body) {
        return new HttpResponse.Builder(status, reason)
                .body(MediaType.parse(type), body)
                .build();
    }

    private Path writeArchive() throws Exception {
        return writeArchive(tmp.resolve("crawl-2024.warc.gz"));
    }

    private static Path writeArchive(Path warc) throws Exception {
        try (WarcWriter writer = new WarcWriter(
                FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            writer.write(new Warcinfo.Builder()
                    .filename("crawl-2024.warc.gz")
                    .fields(Map.of("software", List.of("WarcIngestIT")))
                    .build());
            URI article = URI.create("http://www.xxzx.gov.cn/wszl/2024-05/13/content_101.html");
            writer.write(new WarcRequest.Builder(article)
                    .date(CAPTURED)
                    .body(new HttpRequest.Builder("GET", "/wszl/2024-05/13/content_101.html").build())
                    .build());
            writer.write(new WarcResponse.Builder(article)
                    .date(CAPTURED)
                    .body(page(200, "OK", "text/html; charset=utf-8", UTF8_PAGE.getBytes(StandardCharsets.UTF_8)))
                    .build());
            writer.write(new WarcMetadata.Builder()
                    .targetURI(article)
                    .fields(Map.of("outlinks", List.of("http://www.xxzx.gov.cn/")))
                    .build());
            writer.write(new WarcResponse.Builder(URI.create("http://www.hxzx.gov.cn/ws/show.asp?id=88"))
                    .date(CAPTURED)
                    .body(page(200, "OK", "text/html", GBK_PAGE.getBytes(Charset.forName("GBK"))))
                    .build());
            writer.write(new WarcResponse.Builder(URI.create("http://www.xxzx.gov.cn/gone.html"))
                    .date(CAPTURED)
                    .body(page(404, "Not Found", "text/html", "<html>404</html>".getBytes(StandardCharsets.UTF_8)))
                    .build());
            writer.write(new WarcResponse.Builder(URI.create("http://www.xxzx.gov.cn/logo.png"))
                    .date(CAPTURED)
                    .body(page(200, "OK", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                    .build());
            writer.write(new WarcRevisit.Builder(
                            URI.create("http://www.xxzx.gov.cn/"), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                    .date(CAPTURED)
                    .refersTo(URI.create("urn:uuid:" + UUID.randomUUID()), "http://www.xxzx.gov.cn/", CAPTURED)
                    .body(page(200, "OK", "text/html", new byte[0]))
                    .build());
        }
        return warc;
    }

    @Test
    void ingestsHtmlResponsesOfAWebArchiveAndReportsSkippedRecords() throws Exception {
        Path warc = writeArchive();
        CommandRun run = CommandRun.ingest(tmp.resolve("home"), index.names().alias(), warc.toString());
        assertThat(run.lastLine()).isEqualTo("ingested=2 unchanged=0 duplicates=0 skipped=3 failed=0");

        Map<String, JsonNode> report = run.reportBySource();
        assertThat(report).hasSize(5);
        assertThat(report.get("http://www.xxzx.gov.cn/gone.html").path("reason").asText())
                .isEqualTo("web archive record: HTTP 404 Not Found");
        assertThat(report.get("http://www.xxzx.gov.cn/logo.png").path("reason").asText())
                .isEqualTo("unsupported media type: image/png");
        assertThat(report.get("http://www.xxzx.gov.cn/").path("reason").asText())
                .startsWith("web archive revisit record");

        ObjectNode a = archivedPage("http://www.xxzx.gov.cn/wszl/2024-05/13/content_101.html", "市政协召开文史资料征集座谈会");
        assertThat(a.get(Fields.TEXT).asText()).contains("卫河航运").doesNotContain("首页", "版权所有", "发布时间");
        assertThat(a.get(Fields.DATE).asText()).isEqualTo("2024-05-13");
        assertThat(a.get(Fields.SOURCE_MODIFIED).asText()).startsWith("2024-05-14T07:42");

        ObjectNode g = archivedPage("http://www.hxzx.gov.cn/ws/show.asp?id=88", "辉县老城墙的故事");
        assertThat(g.get(Fields.TEXT).asText()).contains("城门四座").doesNotContain("作者");
        assertThat(g.get(Fields.AUTHOR).toString()).contains("闫春来");

        CommandRun again = CommandRun.ingest(tmp.resolve("home"), index.names().alias(), warc.toString());
        assertThat(again.lastLine()).isEqualTo("ingested=0 unchanged=2 duplicates=0 skipped=3 failed=0");
    }

    @Test
    void aWebArchiveFoundInAFolderIsReadAsIfGivenAndIsUnchangedOnARerun() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("volumes"));
        Files.writeString(folder.resolve("a-note.txt"), "卫辉市政协文史委整理的码头旧事，记述了清末民初卫河沿岸的船帮与商号。");
        writeArchive(Files.createDirectories(folder.resolve("web")).resolve("xinxiang-2024.WARC.GZ"));
        Files.writeString(
                folder.resolve("z-page.html"),
                "<html><head><meta charset=\"utf-8\"><title>百泉书院旧址考</title></head><body>"
                        + "<h1>百泉书院旧址考</h1><p>百泉书院旧址在苏门山下，历代多有修葺，文史资料中留有多篇回忆。</p></body></html>");

        CommandRun run = CommandRun.ingest(tmp.resolve("home"), index.names().alias(), folder.toString());
        assertThat(run.lastLine()).isEqualTo("ingested=4 unchanged=0 duplicates=0 skipped=3 failed=0");
        // The walk counted the archive as one source; read, it counts as its 5 records.
        assertThat(run.out()).anyMatch(l -> l.startsWith("done: 7 of 7 sources"));

        List<JsonNode> sources = run.reportSources();
        assertThat(sources)
                .extracting(s -> s.path("source").asText())
                .containsExactlyInAnyOrder(
                        folder.resolve("a-note.txt").toUri().toString(),
                        "http://www.xxzx.gov.cn/wszl/2024-05/13/content_101.html",
                        "http://www.hxzx.gov.cn/ws/show.asp?id=88",
                        "http://www.xxzx.gov.cn/gone.html",
                        "http://www.xxzx.gov.cn/logo.png",
                        "http://www.xxzx.gov.cn/",
                        folder.resolve("z-page.html").toUri().toString());
        Map<String, JsonNode> report = run.reportBySource();
        JsonNode article = report.get("http://www.xxzx.gov.cn/wszl/2024-05/13/content_101.html");
        assertThat(article.path("outcome").asText()).isEqualTo("indexed");
        assertThat(article.path("title").asText()).isEqualTo("市政协召开文史资料征集座谈会");
        assertThat(report.get("http://www.xxzx.gov.cn/gone.html").path("reason").asText())
                .isEqualTo("web archive record: HTTP 404 Not Found");

        archivedPage("http://www.xxzx.gov.cn/wszl/2024-05/13/content_101.html", "市政协召开文史资料征集座谈会");
        archivedPage("http://www.hxzx.gov.cn/ws/show.asp?id=88", "辉县老城墙的故事");
        assertThat(index.document(folder.resolve("z-page.html"))
                        .get(Fields.TITLE)
                        .asText())
                .isEqualTo("百泉书院旧址考");

        CommandRun again = CommandRun.ingest(tmp.resolve("home"), index.names().alias(), folder.toString());
        assertThat(again.lastLine()).isEqualTo("ingested=0 unchanged=4 duplicates=0 skipped=3 failed=0");
        assertThat(again.reportBySource()
                        .get("http://www.xxzx.gov.cn/wszl/2024-05/13/content_101.html")
                        .path("outcome")
                        .asText())
                .isEqualTo("unchanged");
    }

    /** The stored document of the archived page at {@code url}: its own address, kind warc, its title. */
    private ObjectNode archivedPage(String url, String title) throws IOException {
        ObjectNode d = index.document(url);
        assertThat(d.get(Fields.URL).asText()).isEqualTo(url);
        assertThat(d.get(Fields.SOURCE_KIND).asText()).isEqualTo("warc");
        assertThat(d.get(Fields.TITLE).asText()).isEqualTo(title);
        return d;
    }
}
