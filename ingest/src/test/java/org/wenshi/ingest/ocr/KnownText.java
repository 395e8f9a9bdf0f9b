package org.wenshi.ingest.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.wenshi.ingest.sample.scan.ScanRenderer;
import org.wenshi.ingest.sample.scan.ScanStyle;
import org.wenshi.ingest.sample.scan.ScannedPage;

/**
 * A text written for OCR tests (under {@code src/test/resources/ocr}: comment lines start with #, then
 * the title, then one paragraph per line), to be rendered by the scan renderer and read back.
 */
public record KnownText(String title, List<String> paragraphs) {

    /** About 1,400 simplified characters: two pages at 12 pt. */
    public static KnownText simplified() {
        return load("memoir_simplified.txt");
    }

    /** About 420 traditional characters: one page. */
    public static KnownText traditional() {
        return load("memoir_traditional.txt");
    }

    /** This text rendered as scanned pages in {@code style}. */
    public List<ScannedPage> render(ScanStyle style) {
        return new ScanRenderer(style).render(title, paragraphs);
    }

    /** The title and the first {@code n} paragraphs (a short page reads faster). */
    public KnownText first(int n) {
        return new KnownText(title, paragraphs.subList(0, Math.min(n, paragraphs.size())));
    }

    private static KnownText load(String name) {
        try (InputStream in = KnownText.class.getResourceAsStream("/ocr/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test text /ocr/" + name);
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
            return new KnownText(lines.get(0), lines.subList(1, lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
