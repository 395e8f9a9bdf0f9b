package org.wenshi.ingest.source;

import java.util.Optional;

/**
 * What the finder reports for one path: a source to extract, or a path that is skipped before any
 * extraction (with the reason). Exists so that nothing found can disappear silently between the
 * finder and the run report.
 *
 * @param source the source (for a skipped path too: it names the path and its url)
 * @param skipReason present when the path must not be extracted
 */
public record Found(Source source, Optional<String> skipReason) {

    public static Found extract(Source source) {
        return new Found(source, Optional.empty());
    }

    public static Found skip(Source source, String reason) {
        return new Found(source, Optional.of(reason));
    }
}
