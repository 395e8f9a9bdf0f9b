package org.wenshi.ingest.extract;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wenshi.ingest.extract.isolated.ParseLimits;
import org.wenshi.ingest.extract.isolated.ParserPool;
import org.wenshi.ingest.ocr.Ocr;
import org.wenshi.ingest.source.Format;
import org.wenshi.ingest.source.Found;
import org.wenshi.ingest.store.StoreWriter;

/**
 * The extractor for each supported format. Exists so that adding a format touches one table; it
 * never decides whether a source is supported (that is {@link Format}). It owns the pool of
 * isolated parser processes, so a run must {@link #close} it.
 */
public final class Extractors implements AutoCloseable {
    private final Map<Format, Extractor> byFormat = new EnumMap<>(Format.class);
    private final ParserPool parsers;

    /** Without a store (no originals or page images kept) and without OCR: tests and benchmarks. */
    public Extractors() {
        this(null, null, ParseLimits.defaults());
    }

    /**
     * @param store where originals and page images go, or null to keep none
     * @param ocr reads pages without a text layer, or null when OCR is not available
     * @param limits the limits of the isolated parser processes
     */
    public Extractors(StoreWriter store, Ocr ocr, ParseLimits limits) {
        byFormat.put(Format.TXT, new PlainTextExtractor());
        byFormat.put(Format.HTML, new HtmlExtractor());
        parsers = new ParserPool(limits);
        for (Format f : List.of(Format.PDF, Format.DOC, Format.DOCX, Format.WPS, Format.OFD, Format.EPUB)) {
            byFormat.put(
                    f,
                    new IsolatedExtractor(f, parsers, store, ocr, other -> Optional.ofNullable(byFormat.get(other))));
        }
        if (ocr != null) {
            ImageExtractor images = new ImageExtractor(store, ocr);
            for (Format f : ImageExtractor.FORMATS) {
                byFormat.put(f, images);
            }
        }
    }

    /**
     * A source is on its way: when it is to be extracted by a parser that is slow to start (the
     * isolated parser workers, for PDF, DOC, DOCX, WPS, OFD and EPUB), starts them in the background,
     * so that the document finds them ready. Returns at once; a run without such sources starts none.
     */
    public void prepare(Found found) {
        if (found.skipReason().isEmpty()
                && found.source().format().map(byFormat::get).orElse(null) instanceof IsolatedExtractor) {
            parsers.startInBackground();
        }
    }

    public Extractor forFormat(Format format) {
        Extractor e = byFormat.get(format);
        if (e == null) {
            throw new IllegalArgumentException("No extractor for " + format);
        }
        return e;
    }

    /** Ends the isolated parser processes. */
    @Override
    public void close() {
        parsers.close();
    }
}
