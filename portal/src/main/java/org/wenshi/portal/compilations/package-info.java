/**
 * Compilations for editors: new 文史资料 volumes gathered from the archive. A compilation has a title, a
 * preface and ordered chapters of ordered items; an item quotes a whole document or a passage of it,
 * kept as the document id, character offsets into its stored text, the page of the scan, the quoted
 * text as it was and the document's content hash, so that a later ingest that changes the text is
 * shown ("source changed", both texts) instead of a shifted quote. Every write is versioned
 * (optimistic concurrency, 409 on a stale version) and recorded in the compilation's history. The
 * manuscript is a DOCX with GB/T 7714-2015 footnotes ({@link org.wenshi.portal.compilations.Manuscript}).
 */
package org.wenshi.portal.compilations;
