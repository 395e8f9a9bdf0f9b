package org.wenshi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
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
import org.wenshi.ingest.extract.FormatFixtures;
import org.wenshi.ingest.sample.formats.FormatWriters;
import org.wenshi.ingest.sample.scan.ScanFiles;
import org.wenshi.ingest.sample.scan.ScanRenderer;
import org.wenshi.ingest.sample.scan.ScanStyle;
import org.wenshi.ingest.sample.scan.ScannedPage;
import org.wenshi.ingest.source.Source;
import org.wenshi.schema.DocumentStore;
import org.wenshi.schema.Fields;

/**
 * The real command against the test node with one folder holding a file of each isolated format
 * (PDF, DOCX, DOC, WPS, OFD, EPUB, a DOCX named .pdf), scans (TIFF, PNG, JPEG, a scanned OFD) and broken files (encrypted, corrupt, truncated
 * and empty PDFs, a DOCX decompression bomb, a zip named .docx): the good ones searchable with their
 * titles, pages and page images in the store, the bad ones failed with their reasons, and a second
 * run finding everything unchanged.
 */
class FormatsIngestIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @RegisterExtension
    final ItIndex index = new ItIndex("it-formats");

    private Path home;

    @BeforeEach
    void home() {
        home = tmp.resolve("home");
    }

    private List<String> ingest(Path folder) {
        return CommandRun.ingest(
                        Map.of("WENSHI_HOME", home.toString(), "WENSHI_PARSE_WORKERS", "2"),
                        index.names().alias(),
                        folder.toString())
                .out();
    }

    private ObjectNode document(Path file) throws Exception {
        return index.document(file);
    }

    private static final String SCAN_TITLE = "汝河渡口旧事";
    private static final String SCAN_TEXT = "解放初期，汝河渡口的木船每日往返两岸，船工多是本村人。后来修了大桥，渡口才慢慢冷清下来。（示例数据，内容虚构）";

    private List<String> idsMatching(String words) throws Exception {
        SearchResponse<ObjectNode> r = index.client()
                .search(
                        s -> s.index(index.names().alias())
                                .size(50)
                                .query(q -> q.matchPhrase(
                                        m -> m.field(Fields.TEXT_BIGRAMS).query(words))),
                        ObjectNode.class);
        return r.hits().hits().stream().map(Hit::id).toList();
    }

    private static String id(Path file) {
        return Source.ofFile(file).documentId();
    }

    @Test
    void ingestsEveryFormatInOneFolderAndReportsEveryBrokenFileWithItsReason() throws Exception {
        Path archive = Files.createDirectories(tmp.resolve("archive"));
        // Text, web pages (GBK with boilerplate; declared UTF-8 but written in GBK) and a scan (OCR).
        Path txt = Files.write(archive.resolve("memoir_utf8.txt"), Fixtures.bytes("txt_utf8.txt"));
        Path gbk = Files.write(archive.resolve("xuchang_gbk.html"), Fixtures.bytes("html_gbk_charset_in_meta.html"));
        Path wrongCharset = Files.write(
                archive.resolve("nanyang_declared_utf8.html"), Fixtures.bytes("html_wrong_charset_declared.html"));
        Path tiff = archive.resolve("ferry_scan.tif");
        ScanFiles.writeTiff(
                new ScanRenderer(ScanStyle.cleanSimplified())
                        .render(SCAN_TITLE, List.of(SCAN_TEXT)).stream()
                                .map(ScannedPage::image)
                                .toList(),
                200,
                tiff);
        BufferedImage photo = new ScanRenderer(ScanStyle.cleanSimplified())
                .render(SCAN_TITLE, List.of(SCAN_TEXT))
                .get(0)
                .image();
        Path png = archive.resolve("ferry_photo.png");
        ScanFiles.writePng(photo, 200, png);
        Path jpeg = archive.resolve("ferry_photo_copy.jpg");
        ScanFiles.writeJpeg(photo, 200, 0.9f, jpeg);
        Path scannedOfd = archive.resolve("ferry_scan.ofd");
        FormatWriters.writeImageOfd(scannedOfd, null, List.of(photo), 200);
        Path unsupported = Files.writeString(archive.resolve("notes.xyz"), "?");
        Path pdf = FormatFixtures.pdfTextTwoPages(archive);
        Path docx = FormatFixtures.docx(archive);
        Path doc = Files.write(archive.resolve("xinyang_notice.doc"), Fixtures.bytes("doc_word97_two_paragraphs.doc"));
        Path wps = Files.write(archive.resolve("zhumadian_minutes.wps"), Fixtures.bytes("wps_kingsoft_writer.wps"));
        Path ofd = FormatFixtures.ofd(archive);
        Path epub = FormatFixtures.epub(archive);
        Path docxAsPdf = FormatFixtures.docxNamedPdf(archive);
        Path broken = Files.createDirectories(archive.resolve("broken"));
        Path encrypted = FormatFixtures.pdfEncrypted(broken);
        Path corrupt = FormatFixtures.pdfCorrupt(broken);
        Path truncated = FormatFixtures.pdfTruncated(broken);
        Path empty = FormatFixtures.zeroBytePdf(broken);
        Path bomb = FormatFixtures.docxBomb(broken);
        Path zipAsDocx = FormatFixtures.zipNamedDocx(broken);
        // The fixture builders leave their intermediate files in temporary sub-folders: remove them.
        try (var walk = Files.list(broken)) {
            for (Path p : walk.filter(Files::isDirectory).toList()) {
                try (var inner = Files.walk(p)) {
                    inner.sorted(java.util.Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                }
            }
        }
        try (var walk = Files.list(archive)) {
            for (Path p : walk.filter(Files::isDirectory)
                    .filter(d -> !d.equals(broken))
                    .toList()) {
                try (var inner = Files.walk(p)) {
                    inner.sorted(java.util.Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                }
            }
        }

        List<String> first = ingest(archive);
        assertThat(first.get(first.size() - 1)).isEqualTo("ingested=11 unchanged=0 duplicates=3 skipped=1 failed=6");

        Path reportFile = first.stream()
                .filter(l -> l.startsWith("report: "))
                .map(l -> Path.of(l.substring(8)))
                .findFirst()
                .orElseThrow();
        Map<String, JsonNode> report = new HashMap<>();
        JSON.readTree(reportFile.toFile())
                .path("sources")
                .forEach(s -> report.put(s.path("source").asText(), s));
        Map<Path, String> reasons = Map.of(
                encrypted, "encrypted",
                corrupt, "corrupt pdf",
                truncated, "truncated or corrupt pdf",
                empty, "empty file (0 bytes)",
                bomb, "decompression bomb",
                zipAsDocx, "not a docx file: looks like application/zip",
                unsupported, "unsupported format: .xyz");
        reasons.forEach((file, reason) -> {
            JsonNode r = report.get(Source.ofFile(file).url());
            assertThat(r).as("report entry for %s", file).isNotNull();
            assertThat(r.path("outcome").asText())
                    .as(file.toString())
                    .isEqualTo(file.equals(unsupported) ? "skipped" : "failed");
            assertThat(r.path("reason").asText()).as(file.toString()).startsWith(reason);
        });

        DocumentStore store = new DocumentStore(home.resolve("store"));
        ObjectNode p = document(pdf);
        assertThat(p.get(Fields.TITLE).asText()).isEqualTo(FormatFixtures.PDF_TITLE);
        assertThat(p.get(Fields.FORMAT).asText()).isEqualTo("pdf");
        assertThat(p.get(Fields.MEDIA_TYPE).asText()).isEqualTo("application/pdf");
        assertThat(p.get(Fields.PAGE_COUNT).asInt()).isEqualTo(2);
        JsonNode pages = p.get(Fields.PAGES);
        for (JsonNode page : pages) {
            assertThat(store.resolve(page.path("image").asText()).orElseThrow()).isRegularFile();
            assertThat(store.resolve(page.path("thumbnail").asText()).orElseThrow())
                    .isRegularFile();
        }
        assertThat(pages.get(1).path("text").asText()).contains("关帝庙会的变迁");
        assertThat(store.resolve(p.get(Fields.ORIGINAL).asText()).orElseThrow()).hasSameBinaryContentAs(pdf);

        assertThat(document(docx).get(Fields.TITLE).asText()).isEqualTo(FormatFixtures.DOCX_TITLE);
        assertThat(document(doc).get(Fields.TITLE).asText()).isEqualTo("信阳市政协文史委员会关于征集茶乡往事资料的通知");
        assertThat(document(wps).get(Fields.TITLE).asText()).isEqualTo("驻马店市政协委员调研粮食仓储工作纪要");
        assertThat(document(wps).get(Fields.FORMAT).asText()).isEqualTo("wps");
        ObjectNode o = document(ofd);
        assertThat(o.get(Fields.TITLE).asText()).isEqualTo(FormatFixtures.OFD_TITLE);
        assertThat(o.get(Fields.PAGE_COUNT).asInt()).isEqualTo(2);
        assertThat(document(epub).get(Fields.TITLE).asText()).isEqualTo(FormatFixtures.EPUB_TITLE);
        assertThat(document(docxAsPdf).get(Fields.TITLE).asText()).isEqualTo(FormatFixtures.DOCX_AS_PDF_TITLE);
        for (Path good : List.of(docx, doc, wps, ofd, epub, docxAsPdf)) {
            assertThat(store.resolve(document(good).get(Fields.ORIGINAL).asText())
                            .orElseThrow())
                    .as("original of %s", good)
                    .hasSameBinaryContentAs(good);
        }

        assertThat(idsMatching("沙颍河航运与码头商号")).containsExactly(id(pdf));
        assertThat(idsMatching("一九五〇年后恢复为物资交流大会")).containsExactly(id(pdf));
        assertThat(idsMatching("书店街、鼓楼街一带的历史街巷")).containsExactly(id(docx));
        assertThat(idsMatching("亲历、亲见、亲闻的回忆文章")).containsExactly(id(doc));
        assertThat(idsMatching("低温储粮设施")).containsExactly(id(wps));
        assertThat(idsMatching("民国时期花会照片")).containsExactly(id(ofd));
        assertThat(idsMatching("一坑甲骨重见天日")).containsExactly(id(epub));
        assertThat(idsMatching("城外有护城河与城湖环绕")).containsExactly(id(docxAsPdf));

        assertThat(document(txt).get(Fields.FORMAT).asText()).isEqualTo("txt");
        assertThat(document(gbk).get(Fields.FORMAT).asText()).isEqualTo("html");
        assertThat(document(wrongCharset).get(Fields.TITLE).asText()).isEqualTo("南阳市政协召开提案办理协商会");
        assertThat(document(wrongCharset).get(Fields.TEXT).asText()).doesNotContain("\uFFFD");
        ObjectNode scan = document(tiff);
        assertThat(scan.get(Fields.OCR).asBoolean()).isTrue();
        assertThat(scan.get(Fields.PAGES).get(0).path("ocr_confidence").asDouble())
                .isGreaterThan(70);
        assertThat(store.resolve(scan.get(Fields.PAGES).get(0).path("hocr").asText())
                        .orElseThrow())
                .isRegularFile();
        // The PNG, the JPEG and the scanned OFD show the same page as the TIFF: read by OCR, they are
        // versions of one text, the first in name order (the PNG) canonical.
        assertThat(idsMatching("渡口的木船每日往返")).containsExactlyInAnyOrder(id(tiff), id(png), id(jpeg), id(scannedOfd));
        assertThat(document(png).get(Fields.CANONICAL).asBoolean()).isTrue();
        assertThat(document(scannedOfd).get(Fields.FORMAT).asText()).isEqualTo("ofd");
        assertThat(store.resolve(document(scannedOfd)
                                .get(Fields.PAGES)
                                .get(0)
                                .path("hocr")
                                .asText())
                        .orElseThrow())
                .isRegularFile();
        for (JsonNode page : document(ofd).get(Fields.PAGES)) {
            assertThat(store.resolve(page.path("image").asText()).orElseThrow())
                    .as("page image of the text OFD")
                    .isRegularFile();
        }
        for (Path copy : List.of(jpeg, tiff, scannedOfd)) {
            ObjectNode c = document(copy);
            assertThat(c.get(Fields.OCR).asBoolean()).as(copy.toString()).isTrue();
            assertThat(c.get(Fields.CANONICAL).asBoolean()).as(copy.toString()).isFalse();
        }

        List<String> second = ingest(archive);
        assertThat(second.get(second.size() - 1)).isEqualTo("ingested=0 unchanged=14 duplicates=0 skipped=1 failed=6");
    }
}
