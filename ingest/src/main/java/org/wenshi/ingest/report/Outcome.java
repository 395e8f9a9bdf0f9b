package org.wenshi.ingest.report;

import java.util.Locale;

/**
 * How one source ended. Every source found ends as exactly one of these; there is no "unknown".
 */
public enum Outcome {
    /** Written to the index (new, or changed since the last run). */
    INDEXED,
    /** Already in the index with the same content and the same derived fields: not written again. */
    UNCHANGED,
    /** Identical content to another document indexed earlier or before in this run ({@code duplicate_of}). */
    DUPLICATE,
    /** Not extracted (unsupported format, link, hidden file …), with the reason. */
    SKIPPED,
    /** Could not be extracted or indexed, with the reason. */
    FAILED;

    /** The name used in the JSON report. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
