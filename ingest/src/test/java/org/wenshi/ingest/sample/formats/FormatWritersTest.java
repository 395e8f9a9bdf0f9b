package org.wenshi.ingest.sample.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;

/** The sample writers: readable files, and the same bytes for the same arguments. */
class FormatWritersTest {
    private static final List<String> TEXTS = List.of("南阳市政协编印文史资料第一辑。", "第二页：卧龙岗的传说。");

    @TempDir
    Path dir;

    private interface Writer {
        void write(Path file) throws Exception;
    }

    private void assertDeterministic(String name, Writer writer) throws Exception {
        Path a = dir.resolve("a-" + name);
        Path b = dir.resolve("b-" + name);
        writer.write(a);
        Thread.sleep(1100); // so a clock-derived time or id would differ
        writer.write(b);
        assertThat(a).as(name).hasSameBinaryContentAs(b);
    }

    @Test
    void writesTheSameBytesForTheSameArguments() throws Exception {
        assertDeterministic("x.pdf", f -> FormatWriters.writePdf(f, "标题", TEXTS));
        assertDeterministic("x.docx", f -> FormatWriters.writeDocx(f, "标题", TEXTS, LocalDate.of(1990, 5, 4)));
        assertDeterministic("x.ofd", f -> FormatWriters.writeOfd(f, "标题", TEXTS));
        assertDeterministic("x.epub", f -> FormatWriters.writeEpub(f, "标题", TEXTS));
        BufferedImage page = new BufferedImage(170, 240, BufferedImage.TYPE_BYTE_GRAY);
        assertDeterministic("scan.ofd", f -> FormatWriters.writeImageOfd(f, "标题", List.of(page, page), 20));
    }

    @Test
    void writesAScannedOfdWithOnePageImageOfItsSizeAndNoText() throws Exception {
        BufferedImage scan = new BufferedImage(170, 240, BufferedImage.TYPE_BYTE_GRAY);
        Path ofd = dir.resolve("scan.ofd");
        FormatWriters.writeImageOfd(ofd, "扫描件", List.of(scan), 20);
        try (OFDReader reader = new OFDReader(ofd)) {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            assertThat(reader.getPageInfo(1).getSize().getWidth()).isCloseTo(170 * 25.4 / 20, within(0.01));
            assertThat(reader.getPageInfo(1).getSize().getHeight()).isCloseTo(240 * 25.4 / 20, within(0.01));
            assertThat(new ContentExtractor(reader).getPageContent(1)).isEmpty();
            assertThat(reader.getOFDDir().getOfd().getDocBody().getDocInfo().getTile())
                    .isEqualTo("扫描件");
            BufferedImage stored = reader.getResMgt()
                    .getImage(reader.getResMgt().getMultiMedias().get(0).getID().toString());
            assertThat(stored.getWidth()).isEqualTo(170);
            assertThat(stored.getType()).as("stored as a grey PNG").isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        }
    }

    @Test
    void writesAPdfWithATextLayerInAStandardChineseFont() throws Exception {
        Path pdf = dir.resolve("x.pdf");
        FormatWriters.writePdf(pdf, "南阳文史", TEXTS, LocalDate.of(1988, 10, 1));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("南阳文史");
            assertThat(doc.getDocumentInformation().getCreationDate().get(java.util.Calendar.YEAR))
                    .isEqualTo(1988);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("南阳市政协编印文史资料第一辑。").contains("卧龙岗的传说");
        }
    }

    @Test
    void continuesAPageTextThatDoesNotFitOnExtraPages() throws Exception {
        Path pdf = dir.resolve("long.pdf");
        FormatWriters.writePdf(pdf, "长文", List.of("史料。".repeat(2000)));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
        }
    }

    @Test
    void writesAnEpubWhoseMimetypeIsTheFirstEntryStored() throws Exception {
        Path epub = dir.resolve("x.epub");
        FormatWriters.writeEpub(epub, "标题", TEXTS);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(epub), 58);
        assertThat(new String(head, 30, 28, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("mimetypeapplication/epub+zip");
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            assertThat(zip.getEntry("mimetype").getMethod()).isEqualTo(java.util.zip.ZipEntry.STORED);
        }
    }
}
