/**
 * Keeps originals, page images and OCR word boxes on disk in the layout of
 * {@link org.wenshi.schema.DocumentStore}, which the portal serves from.
 */
package org.wenshi.ingest.store;
