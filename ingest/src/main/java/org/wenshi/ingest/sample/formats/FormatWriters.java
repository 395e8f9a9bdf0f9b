package org.wenshi.ingest.sample.formats;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The entry point the sample generator calls to write one document in a given format. Each writer
 * gives the same bytes for the same arguments. A date, when given, is written as the document's
 * creation date (the extractors read it as the publication date); without one, none is written, so
 * the document's date comes from its text. DOC and WPS (Word-binary) files are not written: POI
 * cannot create them from nothing.
 */
public final class FormatWriters {
    private FormatWriters() {}

    /** A PDF with a text layer: the title as a heading on page 1, then one page per entry (continued on extra pages when long). */
    public static void writePdf(Path file, String title, List<String> pageTexts) throws IOException {
        PdfWriter.write(file, title, pageTexts, null);
    }

    public static void writePdf(Path file, String title, List<String> pageTexts, LocalDate created) throws IOException {
        PdfWriter.write(file, title, pageTexts, created);
    }

    /** A DOCX: the title as a "heading 1" paragraph, then the paragraphs. */
    public static void writeDocx(Path file, String title, List<String> paragraphs) throws IOException {
        DocxWriter.write(file, title, paragraphs, null);
    }

    public static void writeDocx(Path file, String title, List<String> paragraphs, LocalDate created)
            throws IOException {
        DocxWriter.write(file, title, paragraphs, created);
    }

    /** An OFD: the title on page 1, then one page per entry (lines of an entry are paragraphs). */
    public static void writeOfd(Path file, String title, List<String> pageTexts) throws IOException {
        OfdWriter.write(file, title, pageTexts, null);
    }

    public static void writeOfd(Path file, String title, List<String> pageTexts, LocalDate created) throws IOException {
        OfdWriter.write(file, title, pageTexts, created);
    }

    /**
     * A scanned OFD: each page one image (stored as PNG) covering a page of its size at {@code dpi},
     * no text; the title, when not null, in the document's metadata.
     */
    public static void writeImageOfd(Path file, String title, List<BufferedImage> pages, int dpi) throws IOException {
        OfdWriter.writeImages(file, title, pages, dpi);
    }

    /** An EPUB 3: one XHTML file per chapter, its first line as the chapter heading. */
    public static void writeEpub(Path file, String title, List<String> chapters) throws IOException {
        EpubWriter.write(file, title, chapters, null);
    }

    public static void writeEpub(Path file, String title, List<String> chapters, LocalDate created) throws IOException {
        EpubWriter.write(file, title, chapters, created);
    }
}
