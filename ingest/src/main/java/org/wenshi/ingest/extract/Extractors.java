package org.wenshi.ingest.extract;

import java.util.EnumMap;
import java.util.Map;
import org.wenshi.ingest.source.Format;

/**
 * The extractor for each supported format. Exists so that adding a format touches one table; it
 * never decides whether a source is supported (that is {@link Format}).
 */
public final class Extractors {
    private final Map<Format, Extractor> byFormat = new EnumMap<>(Format.class);

    public Extractors() {
        byFormat.put(Format.TXT, new PlainTextExtractor());
        byFormat.put(Format.HTML, new HtmlExtractor());
    }

    public Extractor forFormat(Format format) {
        Extractor e = byFormat.get(format);
        if (e == null) {
            throw new IllegalArgumentException("No extractor for " + format);
        }
        return e;
    }
}
