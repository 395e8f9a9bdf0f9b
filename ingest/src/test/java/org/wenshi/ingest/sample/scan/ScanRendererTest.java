package org.wenshi.ingest.sample.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.ingest.ocr.KnownText;

class ScanRendererTest {
    @TempDir
    Path tmp;

    private static List<ScannedPage> render(KnownText text, ScanStyle style) {
        return new ScanRenderer(style).render(text.title(), text.paragraphs());
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
    }

    @Test
    void rendersA4At200DpiAndEveryCharacterOfTheTextOnSomePage() {
        KnownText text = KnownText.simplified();
        List<ScannedPage> pages = render(text, ScanStyle.cleanSimplified());

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).image().getWidth()).isEqualTo(1654);
        assertThat(pages.get(0).image().getHeight()).isEqualTo(2338);
        assertThat(pages.get(0).image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(pages.get(0).text()).startsWith("青石桥畔忆夜校\n一九五六年秋天");
        String printed =
                String.join("", pages.stream().map(ScannedPage::text).toList()).replace("\n", "");
        assertThat(printed).isEqualTo(text.title() + String.join("", text.paragraphs()));
        assertThat(pages.get(0).text().lines())
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(42));
    }

    @Test
    void closingPunctuationNeverStartsALine() {
        List<ScannedPage> pages = render(KnownText.simplified(), ScanStyle.cleanSimplified());

        for (ScannedPage p : pages) {
            assertThat(p.text().lines()).noneMatch(l -> "，。、；：！？）》」”".indexOf(l.charAt(0)) >= 0);
        }
    }

    @Test
    void theSameTextAndStyleGiveTheSamePixelsAndTheSameFiles() throws Exception {
        ScanStyle noisy = ScanStyle.cleanSimplified().scanned(0.01, 0.7, 42);
        KnownText text = KnownText.simplified().first(3);
        BufferedImage a = render(text, noisy).get(0).image();
        BufferedImage b = render(text, noisy).get(0).image();
        BufferedImage other = render(text, noisy.scanned(0.01, 0.7, 43)).get(0).image();

        assertThat(Arrays.equals(pixels(a), pixels(b))).isTrue();
        assertThat(Arrays.equals(pixels(a), pixels(other))).isFalse();

        ScanFiles.writeTiff(List.of(a, a), 200, tmp.resolve("a.tif"));
        ScanFiles.writeTiff(List.of(b, b), 200, tmp.resolve("b.tif"));
        ScanFiles.writeImagePdf(List.of(a), 200, tmp.resolve("a.pdf"));
        ScanFiles.writeImagePdf(List.of(b), 200, tmp.resolve("b.pdf"));
        ScanFiles.writeJpeg(a, 200, 0.8f, tmp.resolve("a.jpg"));
        ScanFiles.writeJpeg(b, 200, 0.8f, tmp.resolve("b.jpg"));

        assertThat(tmp.resolve("a.tif")).hasSameBinaryContentAs(tmp.resolve("b.tif"));
        assertThat(tmp.resolve("a.pdf")).hasSameBinaryContentAs(tmp.resolve("b.pdf"));
        assertThat(tmp.resolve("a.jpg")).hasSameBinaryContentAs(tmp.resolve("b.jpg"));
    }

    @Test
    void aMultiPageTiffHoldsEveryPageLosslessly() throws Exception {
        List<ScannedPage> pages = render(KnownText.simplified(), ScanStyle.cleanSimplified());
        Path tiff = tmp.resolve("volume.tif");
        ScanFiles.writeTiff(pages.stream().map(ScannedPage::image).toList(), 200, tiff);

        try (ImageInputStream in = ImageIO.createImageInputStream(tiff.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(2);
            assertThat(Arrays.equals(pixels(reader.read(1)), pixels(pages.get(1).image())))
                    .isTrue();
            reader.dispose();
        }
    }

    @Test
    void anImageOnlyPdfHasOnePageAPerImageAndNoTextLayer() throws Exception {
        List<ScannedPage> pages = render(KnownText.simplified(), ScanStyle.cleanSimplified());
        Path pdf = tmp.resolve("scanned.pdf");
        ScanFiles.writeImagePdf(pages.stream().map(ScannedPage::image).toList(), 200, pdf);

        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(doc.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(595.4f, org.assertj.core.data.Offset.offset(1f));
            assertThat(new PDFTextStripper().getText(doc).strip()).isEmpty();
        }
    }

    @Test
    void verticalPagesRunColumnsOfAtMostTheColumnLength() {
        List<ScannedPage> pages = render(KnownText.traditional(), ScanStyle.verticalTraditional());

        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).text()).startsWith("老街茶館見聞錄\n民國三十六年");
        assertThat(pages.get(0).text().lines().skip(1))
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(61));
    }

    @Test
    void aMissingFontOrNonsenseStyleIsAClearError() {
        assertThatThrownBy(() ->
                        new ScanStyle(ScanStyle.Writing.HORIZONTAL, ScanStyle.Typeface.SERIF, false, 20, 12, 0, 0, 1))
                .hasMessageContaining("dpi");
        assertThat(Files.isDirectory(CjkFonts.FOLDER))
                .as("fonts-noto-cjk must be installed (%s)", CjkFonts.FOLDER)
                .isTrue();
    }
}
