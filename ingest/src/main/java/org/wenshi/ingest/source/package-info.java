/**
 * Stage 1, finding sources: the files named on the command line and the files inside the folders
 * named there (recursive, in a stable order, never following links). Every path found becomes a
 * {@link org.wenshi.ingest.source.Source}; whether its format is supported is decided here, what it
 * contains is not. The records of a web archive ({@link org.wenshi.ingest.source.WarcReader}), given
 * or found in a folder, and the pages of a polite crawl ({@link org.wenshi.ingest.source.Crawler}) are
 * further kinds of source.
 */
package org.wenshi.ingest.source;
