/**
 * One document: fetched by id or by the URL it was ingested from, served whole as JSON
 * ({@code /api/documents}) and as a page ({@code /doc/{id}}), with its duplicates, similar
 * documents and a GB/T 7714 citation. {@link org.wenshi.portal.document.StoredDocument} is how the
 * whole portal reads an indexed {@code _source}.
 */
package org.wenshi.portal.document;
