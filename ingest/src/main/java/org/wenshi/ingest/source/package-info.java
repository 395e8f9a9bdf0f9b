/**
 * Stage 1, finding sources: the files named on the command line and the files inside the folders
 * named there (recursive, in a stable order, never following links). Every path found becomes a
 * {@link org.wenshi.ingest.source.Source}; whether its format is supported is decided here, what it
 * contains is not. Later issues add web crawling and WARC records as further kinds of source.
 */
package org.wenshi.ingest.source;
