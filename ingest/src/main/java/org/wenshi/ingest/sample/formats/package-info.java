/**
 * Writers of the sample archive's non-web formats (PDF with a text layer, DOCX, OFD, EPUB), called by
 * the sample generator through {@link org.wenshi.ingest.sample.formats.FormatWriters}. Output is
 * deterministic: the same arguments give the same bytes (fixed document ids, zip entry times and
 * metadata dates), so a regenerated archive is reported unchanged. No font file is needed.
 */
package org.wenshi.ingest.sample.formats;
