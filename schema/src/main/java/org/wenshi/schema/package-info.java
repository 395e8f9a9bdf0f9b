/**
 * The one definition of the search index: settings and mapping in {@code index.json}, the field
 * names code may use ({@link org.wenshi.schema.Fields}), idempotent creation of a versioned index
 * behind an alias ({@link org.wenshi.schema.IndexDefinition}) and the client factory
 * ({@link org.wenshi.schema.ElasticsearchConnection}). Ingest, portal and tests all load this
 * module; none of them keeps a copy of the mapping.
 */
package org.wenshi.schema;
