/**
 * The ingest command ({@link org.wenshi.ingest.IngestCommand}) and the pipeline that carries one
 * {@link org.wenshi.ingest.DocumentContext} per source through the stages, each in its own package:
 * {@code source} (finding sources) → {@code extract} (text, title, stated metadata) → {@code enrich}
 * (place, date, themes, type, byline) → {@code index} (bulk indexing), with {@code report} keeping
 * the account of the run and {@code sample} making the project's sample archive.
 */
package org.wenshi.ingest;
