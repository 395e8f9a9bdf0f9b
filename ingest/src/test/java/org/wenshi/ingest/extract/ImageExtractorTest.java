package org.wenshi.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.ingest.extract.isolated.ParseLimits;
import org.wenshi.ingest.ocr.CharacterErrorRate;
import org.wenshi.ingest.ocr.KnownText;
import org.wenshi.ingest.ocr.Ocr;
import org.wenshi.ingest.ocr.OcrException;
import org.wenshi.ingest.ocr.OcrResult;
import org.wenshi.ingest.ocr.TesseractOcr;
import org.wenshi.ingest.sample.scan.ScanFiles;
import org.wenshi.ingest.sample.scan.ScanRenderer;
import org.wenshi.ingest.sample.scan.ScanStyle;
import org.wenshi.ingest.sample.scan.ScannedPage;
import org.wenshi.ingest.source.Format;
import org.wenshi.ingest.source.Source;
import org.wenshi.ingest.store.StoreWriter;
import org.wenshi.schema.DocumentStore;

/** Rendered scans read by the real Tesseract, with the scripts asked for recorded. */
class ImageExtractorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private TesseractOcr tesseract;
    private final List<Ocr.Script> asked = new CopyOnWriteArrayList<>();
    private StoreWriter store;
    private ImageExtractor extractor;

    @BeforeEach
    void setUp() {
        tesseract = new TesseractOcr(TesseractOcr.Settings.defaults());
        Ocr recording = new Ocr() {
            @Override
            public OcrResult recognize(BufferedImage page, Script script) throws OcrException {
                asked.add(script);
                return tesseract.recognize(page, script);
            }

            @Override
            public int concurrency() {
                return tesseract.concurrency();
            }
        };
        store = new StoreWriter(new DocumentStore(tmp.resolve("store")));
        extractor = new ImageExtractor(store, recording);
    }

    @AfterEach
    void close() {
        tesseract.close();
    }

    private static List<ScannedPage> render(KnownText text, ScanStyle style) {
        return new ScanRenderer(style).render(text.title(), text.paragraphs());
    }

    private Extraction extract(Path file) throws Exception {
        return extractor.extract(new ExtractInput(Files.readAllBytes(file), Source.ofFile(file), Optional.empty()));
    }

    @Test
    void aMultiPageTiffBecomesPagesWithImagesWordBoxesAndTheOriginalInTheStore() throws Exception {
        List<ScannedPage> scans = render(KnownText.simplified(), ScanStyle.cleanSimplified());
        assertThat(scans).hasSize(2);
        Path tiff = tmp.resolve("青石桥 volume.tif");
        ScanFiles.writeTiff(scans.stream().map(ScannedPage::image).toList(), 200, tiff);
        String id = Source.ofFile(tiff).documentId();

        Extraction x = extract(tiff);

        assertThat(x.title()).isEqualTo("青石桥畔忆夜校");
        assertThat(x.pages()).hasSize(2);
        assertThat(x.text())
                .isEqualTo(x.pages().get(0).text() + "\n" + x.pages().get(1).text());
        assertThat(x.text()).doesNotContainPattern("\\p{IsHan}\\h+\\p{IsHan}");
        assertThat(x.ocr()).isTrue();
        assertThat(x.original()).isEqualTo(DocumentStore.originalPath(id, "tif"));
        assertThat(store.store().resolve(x.original()).orElseThrow()).hasBinaryContent(Files.readAllBytes(tiff));
        assertThat(asked).containsExactly(Ocr.Script.UNKNOWN, Ocr.Script.SIMPLIFIED);
        for (int i = 0; i < 2; i++) {
            Page p = x.pages().get(i);
            assertThat(p.n()).isEqualTo(i + 1);
            assertThat(x.text().substring(p.startOffset(), p.endOffset())).isEqualTo(p.text());
            assertThat(CharacterErrorRate.of(scans.get(i).text(), p.text())).isLessThanOrEqualTo(0.03);
            assertThat(p.ocrConfidence()).isGreaterThan(80.0);
            assertThat(p.image()).isEqualTo(DocumentStore.pageImagePath(id, i + 1));
            assertThat(p.thumbnail()).isEqualTo(DocumentStore.thumbnailPath(id, i + 1));
            BufferedImage reading =
                    ImageIO.read(store.store().resolve(p.image()).orElseThrow().toFile());
            assertThat(reading.getWidth()).isEqualTo(StoreWriter.READING_WIDTH);

            JsonNode words =
                    JSON.readTree(store.store().resolve(p.words()).orElseThrow().toFile());
            assertThat(words.path("width").asInt()).isEqualTo(reading.getWidth());
            assertThat(words.path("height").asInt()).isEqualTo(reading.getHeight());
            assertThat(words.path("words").size()).isGreaterThan(100);
            for (JsonNode w : words.path("words")) {
                assertThat(p.text()
                                .substring(
                                        w.path("start").asInt(), w.path("end").asInt()))
                        .isEqualTo(w.path("text").asText());
                assertThat(w.path("x").asInt() + w.path("w").asInt()).isLessThanOrEqualTo(reading.getWidth());
                assertThat(w.path("y").asInt() + w.path("h").asInt()).isLessThanOrEqualTo(reading.getHeight());
            }
        }
        // The title line's first word sits where it was printed: centred near the top of page 1.
        JsonNode first = JSON.readTree(store.store()
                        .resolve(x.pages().get(0).words())
                        .orElseThrow()
                        .toFile())
                .path("words")
                .get(0);
        assertThat(first.path("text").asText()).startsWith("青");
        assertThat(first.path("y").asInt()).isBetween(80, 160);
        assertThat(first.path("x").asInt()).isBetween(400, 600);
    }

    @Test
    void aTraditionalPngAndASimplifiedJpegAreReadWithTheirOwnModels() throws Exception {
        ScannedPage traditional = render(KnownText.traditional().first(2), ScanStyle.cleanTraditional())
                .get(0);
        Path png = tmp.resolve("teahouse.png");
        ScanFiles.writePng(traditional.image(), 200, png);
        ScannedPage simplified = render(KnownText.simplified().first(2), ScanStyle.cleanSimplified())
                .get(0);
        Path jpeg = tmp.resolve("night-school.jpg");
        ScanFiles.writeJpeg(simplified.image(), 200, 0.85f, jpeg);

        Extraction t = extract(png);
        Extraction s = extract(jpeg);

        assertThat(t.title()).isEqualTo("老街茶館見聞錄");
        assertThat(CharacterErrorRate.of(traditional.text(), t.text())).isLessThanOrEqualTo(0.03);
        assertThat(s.title()).isEqualTo("青石桥畔忆夜校");
        assertThat(CharacterErrorRate.of(simplified.text(), s.text())).isLessThanOrEqualTo(0.03);
        assertThat(t.pages()).hasSize(1);
        assertThat(t.original()).endsWith("/original.png");
        assertThat(s.original()).endsWith("/original.jpg");
    }

    @Test
    void aPageWithoutWordsIsTitledByItsFileName() throws Exception {
        ScannedPage number = new ScanRenderer(ScanStyle.cleanSimplified())
                .render(null, List.of("12"))
                .get(0);
        Path png = tmp.resolve("page twelve.png");
        ScanFiles.writePng(number.image(), 200, png);

        Extraction x = extract(png);

        assertThat(x.text()).contains("12");
        assertThat(x.title()).isEqualTo("page twelve");
    }

    @Test
    void aBlankScanFailsWithAReason() throws Exception {
        BufferedImage white = new BufferedImage(800, 1000, BufferedImage.TYPE_BYTE_GRAY);
        int[] paper = new int[800 * 1000];
        Arrays.fill(paper, 255);
        white.getRaster().setSamples(0, 0, 800, 1000, 0, paper);
        Path png = tmp.resolve("blank.png");
        ScanFiles.writePng(white, 200, png);

        assertThatThrownBy(() -> extract(png))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("no text found: OCR read nothing on 1 page");
    }

    @Test
    void brokenImagesFailWithAReasonAndNeverReachOcr() throws Exception {
        Path empty = Files.write(tmp.resolve("empty.png"), new byte[0]);
        Path text = Files.writeString(tmp.resolve("notes.jpg"), "这不是图片");
        List<ScannedPage> scans = render(KnownText.simplified().first(1), ScanStyle.cleanSimplified());
        Path whole = tmp.resolve("whole.tif");
        ScanFiles.writeTiff(scans.stream().map(ScannedPage::image).toList(), 200, whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(tmp.resolve("truncated.tif"), Arrays.copyOf(bytes, bytes.length / 3));

        assertThatThrownBy(() -> extract(empty)).hasMessage("empty file (0 bytes)");
        assertThatThrownBy(() -> extract(text)).hasMessage("not an image: unknown or unsupported image data");
        assertThatThrownBy(() -> extract(truncated)).hasMessageStartingWith("corrupt image: ");
        assertThat(asked).isEmpty();
    }

    @Test
    void anImageDeclaringAbsurdDimensionsIsRefusedBeforeDecoding() throws Exception {
        BufferedImage tiny = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        Path png = tmp.resolve("tiny.png");
        ScanFiles.writePng(tiny, 200, png);
        byte[] bytes = Files.readAllBytes(png);
        // IHDR data starts at byte 16: width, height (big-endian), then its CRC over type and data at 29.
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.putInt(16, 60_000);
        b.putInt(20, 60_000);
        CRC32 crc = new CRC32();
        crc.update(bytes, 12, 17);
        b.putInt(29, (int) crc.getValue());
        Path bomb = Files.write(tmp.resolve("bomb.png"), bytes);

        assertThatThrownBy(() -> extract(bomb))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("image too large: page 1 is 60000×60000 pixels (at most 400000000)");
        assertThat(asked).isEmpty();
    }

    @Test
    void imageFormatsAreKnownByExtensionAndReadByThisExtractor() {
        assertThat(Format.forExtension("TIF")).contains(Format.TIFF);
        assertThat(Format.forExtension("tiff")).contains(Format.TIFF);
        assertThat(Format.forExtension("jpeg")).contains(Format.JPEG);
        assertThat(Format.forMediaType("image/png")).contains(Format.PNG);
        try (Extractors extractors = new Extractors(store, tesseract, ParseLimits.defaults())) {
            for (Format f : ImageExtractor.FORMATS) {
                assertThat(extractors.forFormat(f)).isInstanceOf(ImageExtractor.class);
            }
        }
    }
}
