/**
 * Stage 4, indexing: the document the mapping accepts ({@link org.wenshi.ingest.index.DocumentBuilder},
 * field names only from {@link org.wenshi.schema.Fields}), what the index already holds for a batch
 * ({@link org.wenshi.ingest.index.IndexedDocuments}: same source, same content), and bulk writes with
 * a bounded number of requests in flight whose per-item errors go back to the item's own context
 * ({@link org.wenshi.ingest.index.BulkIndexer}). Nothing here extracts or enriches.
 */
package org.wenshi.ingest.index;
