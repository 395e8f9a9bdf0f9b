/**
 * One document: fetched by id or by the URL it was ingested from, served whole as JSON
 * ({@code /api/documents}) and as a page ({@code /doc/{id}}, its permalink) with every hit of the
 * reader's query marked ({@link org.wenshi.portal.document.MarkedText}), the scanned page beside its
 * text with the hits outlined on the image ({@link org.wenshi.portal.document.PageWords}), the versions
 * of a reprinted text and their differences ({@link org.wenshi.portal.document.TextDiff}), similar
 * documents and a GB/T 7714 citation with RIS, BibTeX and CSL-JSON exports
 * ({@link org.wenshi.portal.document.CitationExport}). Page images and originals are served from the
 * store that ingest writes ({@link org.wenshi.portal.document.DocumentFiles}).
 * {@link org.wenshi.portal.document.StoredDocument} is how the whole portal reads an indexed
 * {@code _source}.
 */
package org.wenshi.portal.document;
