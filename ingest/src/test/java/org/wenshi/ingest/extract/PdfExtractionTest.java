package org.wenshi.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.ingest.extract.isolated.ParserPool;
import org.wenshi.ingest.ocr.Ocr;
import org.wenshi.ingest.source.Format;
import org.wenshi.ingest.source.Source;
import org.wenshi.ingest.store.StoreWriter;
import org.wenshi.schema.DocumentStore;

/** PDFs through the isolated parser: text per page, page images, OCR of scans, broken files. */
class PdfExtractionTest {
    private final ParserPool pool = TestParsers.pool();

    @TempDir
    Path dir;

    private IsolatedExtractor extractor(StoreWriter store, Ocr ocr) {
        return new IsolatedExtractor(Format.PDF, pool, store, ocr, f -> Optional.empty());
    }

    private static ExtractInput input(Path file) throws Exception {
        return new ExtractInput(Files.readAllBytes(file), Source.ofFile(file), Optional.empty());
    }

    @Test
    void readsTextOfEachPageWithExactOffsetsAndTheTitleFromMetadata() throws Exception {
        Extraction e = extractor(null, null).extract(input(FormatFixtures.pdfTextTwoPages(dir)));
        assertThat(e.title()).isEqualTo(FormatFixtures.PDF_TITLE);
        assertThat(e.pages()).hasSize(2);
        Page first = e.pages().get(0);
        Page second = e.pages().get(1);
        assertThat(first.n()).isEqualTo(1);
        assertThat(first.text())
                .startsWith(FormatFixtures.PDF_TITLE + "\n")
                .contains("整理出回忆文章四十余篇。")
                .contains("分送各县图书馆与档案馆保存");
        assertThat(second.text()).contains("庙会起于清代中叶").contains("一九五〇年后恢复为物资交流大会");
        assertThat(e.text()).isEqualTo(first.text() + "\n" + second.text());
        assertThat(e.text().substring(second.startOffset(), second.endOffset())).isEqualTo(second.text());
        assertThat(e.text()).doesNotContainPattern("\\p{IsHan}\\s+\\p{IsHan}(?![^\\n]*\\n)");
        assertThat(e.get(Metadata.PUBLISHED)).contains("2015-06-01");
        assertThat(e.ocr()).isFalse();
    }

    @Test
    void joinsLinesTheLayoutWrappedBackIntoParagraphs() throws Exception {
        Extraction e = extractor(null, null).extract(input(FormatFixtures.pdfTextTwoPages(dir)));
        String firstParagraph = FormatFixtures.PDF_PAGES.get(0).split("\n")[0];
        assertThat(firstParagraph.length()).as("long enough to wrap").isGreaterThan(40);
        assertThat(e.lines()).contains(firstParagraph);
    }

    @Test
    void rendersPageImagesAndKeepsTheOriginalInTheStore() throws Exception {
        StoreWriter store = new StoreWriter(new DocumentStore(dir.resolve("store")));
        Path pdf = FormatFixtures.pdfTextTwoPages(dir);
        String id = Source.ofFile(pdf).documentId();
        Extraction e = extractor(store, null).extract(input(pdf));
        assertThat(e.original()).isEqualTo(DocumentStore.originalPath(id, "pdf"));
        assertThat(store.store().resolve(e.original()).orElseThrow()).hasSameBinaryContentAs(pdf);
        for (Page p : e.pages()) {
            StoredPageImages.assertA4TextPageStored(store, id, p);
        }
    }

    @Test
    void ocrsThePageWithoutATextLayerOfAMixedPdfAndKeepsConfidenceAndWordBoxes() throws Exception {
        StoreWriter store = new StoreWriter(new DocumentStore(dir.resolve("store")));
        FixedOcr ocr = new FixedOcr(FormatFixtures.SCANNED_TEXT);
        Path pdf = FormatFixtures.pdfMixed(dir);
        String id = Source.ofFile(pdf).documentId();
        Extraction e = extractor(store, ocr).extract(input(pdf));
        assertThat(e.pages()).hasSize(2);
        assertThat(e.pages().get(0).ocrConfidence()).isNull();
        Page scan = e.pages().get(1);
        assertThat(scan.text()).isEqualTo(FormatFixtures.SCANNED_TEXT);
        assertThat(scan.ocrConfidence()).isEqualTo(91.0);
        assertThat(e.ocr()).isTrue();
        assertThat(ocr.images).hasSize(1);
        assertThat(ocr.images.get(0).getWidth())
                .as("the page's own scan (1240 × 1754) is read, not a re-rendering of it")
                .isEqualTo(1240);
        assertThat(ocr.images.get(0).getHeight()).isEqualTo(1754);
        assertThat(ocr.scripts).containsExactly(Ocr.Script.SIMPLIFIED);
        assertThat(scan.words()).isEqualTo(DocumentStore.wordsPath(id, 2));
        JsonNode words = new ObjectMapper()
                .readTree(store.store().resolve(scan.words()).orElseThrow().toFile());
        assertThat(words.path("width").asInt()).isEqualTo(StoreWriter.READING_WIDTH);
        JsonNode firstWord = words.path("words").get(0);
        assertThat(firstWord.path("text").asText()).isEqualTo("淮");
        double scale = StoreWriter.READING_WIDTH / (double) ocr.images.get(0).getWidth();
        assertThat(firstWord.path("x").asInt()).isEqualTo((int) Math.round(100 * scale));
        assertThat(firstWord.path("start").asInt()).isZero();
        assertThat(firstWord.path("end").asInt()).isEqualTo(1);
        assertThat(e.text()).endsWith("\n" + FormatFixtures.SCANNED_TEXT);
    }

    @Test
    void ocrsEveryPageOfAnImageOnlyPdfWithoutKnowingTheScript() throws Exception {
        FixedOcr ocr = new FixedOcr("扫描页");
        Extraction e = extractor(null, ocr).extract(input(FormatFixtures.pdfScanned(dir)));
        assertThat(e.pages()).extracting(Page::text).containsExactly("扫描页", "扫描页");
        assertThat(ocr.scripts).containsExactly(Ocr.Script.UNKNOWN, Ocr.Script.UNKNOWN);
        assertThat(e.title()).isEqualTo("扫描页");
    }

    @Test
    void failsAScanWhenNoOcrIsAvailable() throws Exception {
        Path pdf = FormatFixtures.pdfScanned(dir);
        assertThatThrownBy(() -> extractor(null, null).extract(input(pdf)))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("page 1 has no text layer and OCR is not available");
    }

    @Test
    void reportsAnEncryptedPdf() throws Exception {
        Path pdf = FormatFixtures.pdfEncrypted(dir);
        assertThatThrownBy(() -> extractor(null, null).extract(input(pdf))).hasMessage("encrypted");
    }

    @Test
    void reportsACorruptPdf() throws Exception {
        Path pdf = FormatFixtures.pdfCorrupt(dir);
        assertThatThrownBy(() -> extractor(null, null).extract(input(pdf)))
                .isInstanceOf(ExtractionException.class)
                .hasMessageStartingWith("corrupt pdf");
    }

    @Test
    void reportsATruncatedPdf() throws Exception {
        Path pdf = FormatFixtures.pdfTruncated(dir);
        assertThatThrownBy(() -> extractor(null, null).extract(input(pdf)))
                .isInstanceOf(ExtractionException.class)
                .hasMessageStartingWith("truncated or corrupt pdf");
    }

    @Test
    void reportsAnEmptyFile() throws Exception {
        Path pdf = FormatFixtures.zeroBytePdf(dir);
        assertThatThrownBy(() -> extractor(null, null).extract(input(pdf))).hasMessage("empty file (0 bytes)");
    }

    @Test
    void readsADocxWithAPdfNameAsADocx() throws Exception {
        StoreWriter store = new StoreWriter(new DocumentStore(dir.resolve("store")));
        Path file = FormatFixtures.docxNamedPdf(dir);
        Extraction e = extractor(store, null).extract(input(file));
        assertThat(e.title()).isEqualTo(FormatFixtures.DOCX_AS_PDF_TITLE);
        assertThat(e.original()).endsWith("/original.docx");
    }

    @Test
    void refusesAnImageWithAPdfNameWhenNoExtractorReadsImages() throws Exception {
        Path file = FormatFixtures.pngNamedPdf(dir);
        assertThatThrownBy(() -> extractor(null, null).extract(input(file)))
                .hasMessage("not a pdf file: looks like image/png");
    }

    @Test
    void handsAnHtmlPageWithAPdfNameToTheHtmlExtractor() throws Exception {
        Path file = Files.write(dir.resolve("page.pdf"), Fixtures.bytes("html_utf8_with_boilerplate.html"));
        IsolatedExtractor extractor = new IsolatedExtractor(
                Format.PDF,
                pool,
                null,
                null,
                f -> f == Format.HTML ? Optional.of(new HtmlExtractor()) : Optional.empty());
        assertThat(extractor.extract(input(file)).title()).isEqualTo("郑州市政协召开“推进老旧小区改造”专题协商会");
    }
}
