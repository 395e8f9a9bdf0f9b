package org.wenshi.ingest.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wenshi.ingest.sample.SampleGenerator.Text;
import org.wenshi.ingest.sample.formats.FormatWriters;

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
        EPUB("epub");

        final String extension;

        Kind(String extension) {
            this.extension = extension;
        }
    }

    private SampleFormats() {}

    /** The format of document {@code i}, when it is not text or HTML. */
    static Optional<Kind> kind(int i, SamplePlan plan) {
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
    static byte[] bytes(Kind kind, Text text) {
        try {
            Path tmp = Files.createTempFile("wenshi-sample-", "." + kind.extension);
            try {
                switch (kind) {
                    case PDF -> FormatWriters.writePdf(tmp, text.title(), pages(text));
                    case DOCX -> FormatWriters.writeDocx(tmp, text.title(), text.lines());
                    case OFD -> FormatWriters.writeOfd(tmp, text.title(), pages(text));
                    case EPUB -> FormatWriters.writeEpub(tmp, text.title(), pages(text));
                }
                return Files.readAllBytes(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a sample " + kind.extension + " file", e);
        }
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
