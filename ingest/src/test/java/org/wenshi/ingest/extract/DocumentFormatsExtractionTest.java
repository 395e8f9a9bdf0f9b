package org.wenshi.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.ingest.extract.isolated.ParserPool;
import org.wenshi.ingest.ocr.Ocr;
import org.wenshi.ingest.source.Format;
import org.wenshi.ingest.source.Source;
import org.wenshi.ingest.store.StoreWriter;
import org.wenshi.schema.DocumentStore;

/** DOCX, DOC, WPS, EPUB and OFD (text, page images, OCR of scanned pages) through the isolated parser, and their broken forms. */
class DocumentFormatsExtractionTest {
    private final ParserPool pool = TestParsers.pool();

    @TempDir
    Path dir;

    private Extraction extract(Format format, Path file, StoreWriter store) throws Exception {
        return extract(format, file, store, null);
    }

    private Extraction extract(Format format, Path file, StoreWriter store, Ocr ocr) throws Exception {
        return new IsolatedExtractor(format, pool, store, ocr, f -> Optional.empty())
                .extract(new ExtractInput(Files.readAllBytes(file), Source.ofFile(file), Optional.empty()));
    }

    @Test
    void readsDocxParagraphsTitleAuthorAndDateAndKeepsTheOriginal() throws Exception {
        StoreWriter store = new StoreWriter(new DocumentStore(dir.resolve("store")));
        Path docx = FormatFixtures.docx(dir);
        Extraction e = extract(Format.DOCX, docx, store);
        assertThat(e.title()).isEqualTo(FormatFixtures.DOCX_TITLE);
        assertThat(e.lines())
                .containsExactly(
                        FormatFixtures.DOCX_TITLE,
                        FormatFixtures.DOCX_PARAGRAPHS.get(0),
                        FormatFixtures.DOCX_PARAGRAPHS.get(1));
        assertThat(e.get(Metadata.AUTHOR)).contains("Wenshi sample generator");
        assertThat(e.get(Metadata.PUBLISHED)).contains("2021-03-15");
        assertThat(e.pages()).isEmpty();
        assertThat(e.original())
                .isEqualTo(DocumentStore.originalPath(Source.ofFile(docx).documentId(), "docx"));
        assertThat(store.store().resolve(e.original()).orElseThrow()).hasSameBinaryContentAs(docx);
    }

    @Test
    void readsAWord97Document() throws Exception {
        Path doc = Files.write(dir.resolve("notice.doc"), Fixtures.bytes("doc_word97_two_paragraphs.doc"));
        Extraction e = extract(Format.DOC, doc, null);
        assertThat(e.title()).isEqualTo("信阳市政协文史委员会关于征集茶乡往事资料的通知");
        assertThat(e.text()).contains("现面向社会征集亲历、亲见、亲闻的回忆文章与老照片").contains("稿件一经采用即付稿酬");
    }

    @Test
    void readsAKingsoftWpsFile() throws Exception {
        StoreWriter store = new StoreWriter(new DocumentStore(dir.resolve("store")));
        Path wps = Files.write(dir.resolve("minutes.wps"), Fixtures.bytes("wps_kingsoft_writer.wps"));
        Extraction e = extract(Format.WPS, wps, store);
        assertThat(e.title()).isEqualTo("驻马店市政协委员调研粮食仓储工作纪要");
        assertThat(e.text()).contains("低温储粮设施和智能测温系统");
        assertThat(e.original()).endsWith("/original.wps");
    }

    @Test
    void stopsADocxDecompressionBombFast() throws Exception {
        Path bomb = FormatFixtures.docxBomb(dir);
        assertThat(Files.size(bomb)).isLessThan(2_000_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> extract(Format.DOCX, bomb, null))
                .isInstanceOf(ExtractionException.class)
                .hasMessageStartingWith("decompression bomb");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void readsEpubChaptersAndTheBookTitle() throws Exception {
        Extraction e = extract(Format.EPUB, FormatFixtures.epub(dir), null);
        assertThat(e.title()).isEqualTo(FormatFixtures.EPUB_TITLE);
        assertThat(e.lines())
                .as("spine order; the navigation document is not body text; no space left between Han characters")
                .containsExactly("第一章初到小屯", "那年秋天，发掘队住进小屯村的农家院，白天下探方，晚上整理记录。", "第二章甲骨出土", "一坑甲骨重见天日时，在场的村民与队员都屏住了呼吸。");
    }

    @Test
    void readsOfdTextPerPageWithTheTitleFromDocInfo() throws Exception {
        StoreWriter store = new StoreWriter(new DocumentStore(dir.resolve("store")));
        Path ofd = FormatFixtures.ofd(dir);
        Extraction e = extract(Format.OFD, ofd, store);
        assertThat(e.title()).isEqualTo(FormatFixtures.OFD_TITLE);
        assertThat(e.pages()).hasSize(2);
        assertThat(e.pages().get(0).text())
                .isEqualTo(FormatFixtures.OFD_TITLE + "\n" + FormatFixtures.OFD_PAGES.get(0));
        assertThat(e.pages().get(1).text()).isEqualTo(FormatFixtures.OFD_PAGES.get(1));
        assertThat(e.text().substring(e.pages().get(1).startOffset())).isEqualTo(FormatFixtures.OFD_PAGES.get(1));
        assertThat(e.original()).endsWith("/original.ofd");
    }

    @Test
    void rendersEachOfdPageIntoTheStoreAtReadingSize() throws Exception {
        StoreWriter store = new StoreWriter(new DocumentStore(dir.resolve("store")));
        Path ofd = FormatFixtures.ofd(dir);
        String id = Source.ofFile(ofd).documentId();
        Extraction e = extract(Format.OFD, ofd, store);
        assertThat(e.ocr()).isFalse();
        assertThat(e.pages()).hasSize(2);
        for (Page p : e.pages()) {
            StoredPageImages.assertA4TextPageStored(store, id, p);
        }
    }

    @Test
    void ocrsEveryPageOfAScannedOfdFromTheScansOwnPixels() throws Exception {
        StoreWriter store = new StoreWriter(new DocumentStore(dir.resolve("store")));
        FixedOcr ocr = new FixedOcr(FormatFixtures.SCANNED_TEXT);
        Path ofd = FormatFixtures.ofdScanned(dir);
        String id = Source.ofFile(ofd).documentId();
        Extraction e = extract(Format.OFD, ofd, store, ocr);
        assertThat(e.ocr()).isTrue();
        assertThat(e.pages())
                .extracting(Page::text)
                .containsExactly(FormatFixtures.SCANNED_TEXT, FormatFixtures.SCANNED_TEXT);
        assertThat(e.pages()).extracting(Page::ocrConfidence).containsExactly(91.0, 91.0);
        assertThat(ocr.scripts).containsExactly(Ocr.Script.UNKNOWN, Ocr.Script.UNKNOWN);
        assertThat(ocr.images).hasSize(2).allSatisfy(image -> {
            assertThat(image.getWidth())
                    .as("the scan itself (1240 × 1754), not a rendering")
                    .isEqualTo(1240);
            assertThat(image.getHeight()).isEqualTo(1754);
        });
        assertThat(ocr.images.get(0).getRaster().getPixels(0, 0, 1240, 1754, (int[]) null))
                .isEqualTo(FormatFixtures.scan(FormatFixtures.SCANNED_TEXT, 1240, 1754)
                        .getRaster()
                        .getPixels(0, 0, 1240, 1754, (int[]) null));
        Page first = e.pages().get(0);
        assertThat(first.image()).isEqualTo(DocumentStore.pageImagePath(id, 1));
        assertThat(store.store().resolve(first.thumbnail()).orElseThrow()).isRegularFile();
        assertThat(first.words()).isEqualTo(DocumentStore.wordsPath(id, 1));
        JsonNode words = new ObjectMapper()
                .readTree(store.store().resolve(first.words()).orElseThrow().toFile());
        assertThat(words.path("width").asInt()).isEqualTo(StoreWriter.READING_WIDTH);
        assertThat(words.path("words")).hasSize(FormatFixtures.SCANNED_TEXT.length());
    }

    @Test
    void ocrsOnlyThePageWithoutTextOfAMixedOfdInTheScriptOfItsText() throws Exception {
        FixedOcr ocr = new FixedOcr(FormatFixtures.SCANNED_TEXT);
        Extraction e = extract(Format.OFD, FormatFixtures.ofdMixed(dir), null, ocr);
        assertThat(e.pages()).hasSize(2);
        assertThat(e.pages().get(0).text()).startsWith(FormatFixtures.OFD_TITLE);
        assertThat(e.pages().get(0).ocrConfidence()).isNull();
        assertThat(e.pages().get(1).text()).isEqualTo(FormatFixtures.SCANNED_TEXT);
        assertThat(e.pages().get(1).ocrConfidence()).isEqualTo(91.0);
        assertThat(ocr.images).hasSize(1);
        assertThat(ocr.scripts).containsExactly(Ocr.Script.SIMPLIFIED);
        assertThat(e.text()).endsWith("\n" + FormatFixtures.SCANNED_TEXT);
    }

    @Test
    void failsAScannedOfdWhenNoOcrIsAvailable() throws Exception {
        Path ofd = FormatFixtures.ofdScanned(dir);
        assertThatThrownBy(() -> extract(Format.OFD, ofd, null))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("page 1 has no text layer and OCR is not available");
    }

    @Test
    void refusesAZipThatIsNoOfd() throws Exception {
        Path zip = Files.write(dir.resolve("fake.ofd"), Files.readAllBytes(FormatFixtures.epub(dir)));
        Extraction e = extract(Format.OFD, zip, null);
        assertThat(e.title())
                .as("an EPUB with an .ofd name is read as the EPUB it is")
                .isEqualTo(FormatFixtures.EPUB_TITLE);
        Path plainZip = dir.resolve("plain.ofd");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(plainZip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("notes.txt"));
            out.write("政协".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> extract(Format.OFD, plainZip, null))
                .hasMessage("not a ofd file: looks like application/zip");
    }
}
