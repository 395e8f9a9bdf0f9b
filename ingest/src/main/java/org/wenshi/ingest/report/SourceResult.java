package org.wenshi.ingest.report;

/**
 * One line of the run report: which source, how it ended, and why when it did not end well.
 *
 * @param source the source's {@code url}
 * @param format the format, or null when unsupported
 * @param outcome how it ended
 * @param reason why it was skipped or failed, null otherwise
 * @param id the document id, null for a source that never became a document
 * @param duplicateOf the id of the document it duplicates, for {@link Outcome#DUPLICATE}
 * @param title the extracted title, when there is one
 */
public record SourceResult(
        String source, String format, Outcome outcome, String reason, String id, String duplicateOf, String title) {}
