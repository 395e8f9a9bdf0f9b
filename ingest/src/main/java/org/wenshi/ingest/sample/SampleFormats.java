package org.wenshi.ingest.sample;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wenshi.ingest.extract.ChineseScript;
import org.wenshi.ingest.sample.SampleGenerator.Text;
import org.wenshi.ingest.sample.formats.FormatWriters;
import org.wenshi.ingest.sample.scan.ScanFiles;
import org.wenshi.ingest.sample.scan.ScanRenderer;
import org.wenshi.ingest.sample.scan.ScanStyle;
import org.wenshi.ingest.sample.scan.ScannedPage;

/**
 * Decides which sample documents come as PDF, Word, OFD or EPUB files instead of plain text, and
 * writes them. Only documents below {@link #RICH_LIMIT} do, so the archive of the README holds every
 * format while the large corpora of the benchmarks stay text and HTML; web pages always stay HTML
 * (they carry the GBK and boilerplate cases). The output depends only on the text (no dates in file
 * metadata), so a regenerated archive is byte-identical and re-ingests as unchanged.
 */
final class SampleFormats {
    /** Documents from this number on are text or HTML only. */
    static final int RICH_LIMIT = 400;

    private static final int LINES_PER_PAGE = 8;

    /** A file format other than text and HTML. */
    enum Kind {
        PDF("pdf"),
        DOCX("docx"),
        OFD("ofd"),
        EPUB("epub"),
        /** A vertical traditional-character volume, scanned: a multi-page TIFF. */
        SCAN_VERTICAL("scan.tif"),
        SCAN_PDF("scan.pdf"),
        /** A scanned OFD: one page image per page, no text. */
        SCAN_OFD("scan.ofd"),
        SCAN_PNG("scan.png"),
        SCAN_JPEG("scan.jpg");

        final String extension;

        Kind(String extension) {
            this.extension = extension;
        }

        boolean scanned() {
            return extension.startsWith("scan.");
        }
    }

    /** Scans stop here: OCR is slow (about 0.7 pages/s on two cores), so the archive holds a few. */
    static final int SCAN_LIMIT = 125;
    /** Characters of a scanned document's text that are printed on its pages (about two pages). */
    private static final int SCAN_CHARS = 900;

    private static final int SCAN_DPI = 200;

    private SampleFormats() {}

    /** The format of document {@code i}, when it is not text or HTML. */
    static Optional<Kind> kind(int i, SamplePlan plan) {
        if (i < SCAN_LIMIT && i % 25 == 20) {
            return Optional.of(
                    switch (i / 25) {
                        case 0 -> Kind.SCAN_VERTICAL;
                        case 1 -> Kind.SCAN_PDF;
                        case 2 -> Kind.SCAN_OFD;
                        case 3 -> Kind.SCAN_PNG;
                        default -> Kind.SCAN_JPEG;
                    });
        }
        if (i >= RICH_LIMIT || plan.html()) {
            return Optional.empty();
        }
        return switch (i % 25) {
            case 2 -> Optional.of(Kind.PDF);
            case 6 -> Optional.of(Kind.DOCX);
            case 10 -> Optional.of(Kind.OFD);
            case 14 -> Optional.of(Kind.EPUB);
            default -> Optional.empty();
        };
    }

    /** The file's bytes: the title (the writers set it as the heading), then the text's lines. */
    static byte[] bytes(Kind kind, Text text, SamplePlan plan) {
        try {
            Path tmp = Files.createTempFile("wenshi-sample-", "." + kind.extension);
            try {
                switch (kind) {
                    case PDF -> FormatWriters.writePdf(tmp, text.title(), pages(text));
                    case DOCX -> FormatWriters.writeDocx(tmp, text.title(), text.lines());
                    case OFD -> FormatWriters.writeOfd(tmp, text.title(), pages(text));
                    case EPUB -> FormatWriters.writeEpub(tmp, text.title(), pages(text));
                    default -> writeScan(kind, text, plan, tmp);
                }
                return Files.readAllBytes(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a sample " + kind.extension + " file", e);
        }
    }

    /**
     * The text printed on clean pages and scanned (slight noise and skew) as the kind says: the first
     * {@value #SCAN_CHARS} characters or so and the sample-data note, so a scan stays a page or two.
     */
    private static void writeScan(Kind kind, Text text, SamplePlan plan, Path file) throws IOException {
        boolean traditional = kind == Kind.SCAN_VERTICAL
                || !ChineseScript.toSimplified(text.title()).equals(text.title());
        List<String> lines = new ArrayList<>();
        if (plan.html()) {
            // A web page's date sits in its header, not its text; a printed clipping shows it under the title.
            lines.add("%d年%d月%d日".formatted(plan.year(), plan.month(), plan.day()));
        }
        int chars = 0;
        int limit = kind == Kind.SCAN_PNG || kind == Kind.SCAN_JPEG ? SCAN_CHARS / 3 : SCAN_CHARS;
        for (String line : text.lines()) {
            if (chars < limit || line.contains("示例数据") || line.contains("示例數據")) {
                lines.add(traditional ? ChineseScript.toTraditional(line) : line);
                chars += line.length();
            }
        }
        String title = traditional ? ChineseScript.toTraditional(text.title()) : text.title();
        ScanStyle style = kind == Kind.SCAN_VERTICAL
                ? ScanStyle.verticalTraditional()
                : traditional ? ScanStyle.cleanTraditional() : ScanStyle.cleanSimplified();
        // Vertical pages clean (the vertical models are weaker); horizontal ones with a little noise and skew.
        List<BufferedImage> pages = new ScanRenderer(
                        kind == Kind.SCAN_VERTICAL ? style : style.scanned(0.005, 0.2, title.hashCode()))
                .render(title, lines).stream().map(ScannedPage::image).toList();
        switch (kind) {
            case SCAN_PDF -> ScanFiles.writeImagePdf(pages, SCAN_DPI, file);
            case SCAN_OFD -> FormatWriters.writeImageOfd(file, null, pages, SCAN_DPI);
            case SCAN_PNG -> ScanFiles.writePng(pages.get(0), SCAN_DPI, file);
            case SCAN_JPEG -> ScanFiles.writeJpeg(pages.get(0), SCAN_DPI, 0.9f, file);
            default -> ScanFiles.writeTiff(pages, SCAN_DPI, file);
        }
    }

    /** True for a sample file that is a scan (read by OCR): its name ends in {@code .scan.<ext>}. */
    static boolean isScan(String relativePath) {
        return relativePath.matches(".*\\.scan\\.[a-z]+$");
    }

    /** The lines in pages (or chapters) of {@value #LINES_PER_PAGE}. */
    static List<String> pages(Text text) {
        List<String> pages = new ArrayList<>();
        StringBuilder page = new StringBuilder();
        int lines = 0;
        for (String line : text.lines()) {
            if (lines == LINES_PER_PAGE) {
                pages.add(page.toString());
                page = new StringBuilder();
                lines = 0;
            }
            page.append(page.isEmpty() ? "" : "\n").append(line);
            lines++;
        }
        pages.add(page.toString());
        return pages;
    }
}
