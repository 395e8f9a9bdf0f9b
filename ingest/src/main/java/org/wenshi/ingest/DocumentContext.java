package org.wenshi.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wenshi.ingest.enrich.Enrichment;
import org.wenshi.ingest.extract.Extraction;
import org.wenshi.ingest.index.DocumentBuilder.FileFacts;
import org.wenshi.ingest.report.Outcome;
import org.wenshi.ingest.report.SourceResult;
import org.wenshi.ingest.source.Format;
import org.wenshi.ingest.source.Found;
import org.wenshi.ingest.source.Source;
import org.wenshi.ingest.source.SourceContent;

/**
 * Everything known about one source on its way through the pipeline: what was found, what
 * extraction and enrichment made of it, the document built, and how it ended. One object per source
 * is carried through every stage, so a failure anywhere (even a bulk item error on an indexing
 * thread) is reported against the source that caused it. It is reported exactly once; a second
 * report is a bug and throws.
 */
final class DocumentContext {
    private final Source source;
    private final String skipReason;
    private final SourceContent content;

    private Extraction extraction;
    private Enrichment enrichment;
    private FileFacts file;
    private String contentHash;
    private ObjectNode document;
    private Outcome pending;
    private String duplicateOf;
    private String failure;
    private boolean reported;
    private boolean timedOut;

    DocumentContext(Found found) {
        this.source = found.source();
        this.skipReason = found.skipReason().orElse(null);
        this.content = found.content();
    }

    /** The bytes to extract; null when the source is skipped. */
    SourceContent content() {
        return content;
    }

    Source source() {
        return source;
    }

    String id() {
        return source.documentId();
    }

    String skipReason() {
        return skipReason;
    }

    synchronized void extracted(Extraction extraction, Enrichment enrichment, FileFacts file, String contentHash) {
        if (timedOut) {
            return;
        }
        this.extraction = extraction;
        this.enrichment = enrichment;
        this.file = file;
        this.contentHash = contentHash;
    }

    synchronized Extraction extraction() {
        return extraction;
    }

    synchronized Enrichment enrichment() {
        return enrichment;
    }

    synchronized FileFacts file() {
        return file;
    }

    synchronized String contentHash() {
        return contentHash;
    }

    /** Marks a failure found while extracting; reported by the pipeline thread. */
    synchronized void failed(String reason) {
        if (!timedOut) {
            this.failure = reason;
        }
    }

    /**
     * Marks the extraction as abandoned after the time limit; whatever its thread delivers later is
     * ignored.
     */
    synchronized void timedOut(String reason) {
        this.timedOut = true;
        this.failure = reason;
        this.extraction = null;
    }

    synchronized String failure() {
        return failure;
    }

    synchronized boolean ready() {
        return failure == null && skipReason == null && extraction != null;
    }

    void toIndex(ObjectNode document, Outcome outcome, String duplicateOf) {
        this.document = document;
        this.pending = outcome;
        this.duplicateOf = duplicateOf;
    }

    ObjectNode document() {
        return document;
    }

    Outcome pendingOutcome() {
        return pending;
    }

    synchronized boolean reported() {
        return reported;
    }

    /** The report line for this source ending as {@code outcome}; marks it reported. */
    synchronized SourceResult result(Outcome outcome, String reason) {
        if (reported) {
            throw new IllegalStateException("Source reported twice: " + source.url());
        }
        reported = true;
        boolean document = outcome != Outcome.SKIPPED && extraction != null;
        return new SourceResult(
                source.url(),
                source.format().map(Format::fieldValue).orElse(null),
                outcome,
                reason,
                document || outcome == Outcome.FAILED && source.format().isPresent() ? id() : null,
                outcome == Outcome.DUPLICATE ? duplicateOf : null,
                extraction == null ? null : extraction.title());
    }
}
