package org.wenshi.ingest.source;

import java.util.Optional;

/**
 * What a finder (folder walk, web archive reader, crawler) reports for one source: a source to
 * extract with its content, a source that is skipped before any extraction (with the reason), or a
 * source its server reports unchanged since the last run (HTTP 304; the reason says so). Exists so
 * that nothing found can disappear silently between the finder and the run report.
 *
 * @param source the source (for a skipped one too: it names it and its url)
 * @param skipReason present when the source must not be extracted (for an unchanged one: why it is
 *     known to be unchanged)
 * @param content the bytes to extract; null when skipped or unchanged
 * @param unchanged true when the source ends as unchanged without being read
 */
public record Found(Source source, Optional<String> skipReason, SourceContent content, boolean unchanged) {

    public Found(Source source, Optional<String> skipReason, SourceContent content) {
        this(source, skipReason, content, false);
    }

    /** A source known to be unchanged since the last run without reading it (HTTP 304 Not Modified). */
    public static Found unchanged(Source source, String reason) {
        return new Found(source, Optional.of(reason), null, true);
    }

    /** A file found on disk (a web archive among them is read record by record where it is taken in). */
    public static Found extract(Source source) {
        return new Found(source, Optional.empty(), SourceContent.ofFile(source.path()));
    }

    /** A source whose content is already at hand (web archive record, fetched page). */
    public static Found extract(Source source, SourceContent content) {
        return new Found(source, Optional.empty(), content);
    }

    public static Found skip(Source source, String reason) {
        return new Found(source, Optional.of(reason), null);
    }
}
