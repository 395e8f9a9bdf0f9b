/**
 * Stage 3, enrichment: what a reader filters and sorts by, derived from an extraction. Each
 * enricher is a small independent class working on strings, with its own unit tests:
 * {@link org.wenshi.ingest.enrich.PlaceEnricher} (the committee's locality, from the bundled GB/T 2260
 * {@link org.wenshi.ingest.enrich.Gazetteer}), {@link org.wenshi.ingest.enrich.DateEnricher},
 * {@link org.wenshi.ingest.enrich.ThemeClassifier} (driven by an editable taxonomy file),
 * {@link org.wenshi.ingest.enrich.TypeClassifier} and {@link org.wenshi.ingest.enrich.BylineEnricher}.
 * {@link org.wenshi.ingest.enrich.DocumentEnricher} runs them all. Enrichers match on simplified
 * characters ({@link org.wenshi.ingest.enrich.ChineseScript}) but never change the text itself.
 */
package org.wenshi.ingest.enrich;
