/**
 * Stage 3, enrichment: what a reader filters and sorts by, derived from an extraction. Each
 * enricher is a small independent class working on strings, with its own unit tests:
 * {@link org.wenshi.ingest.enrich.PlaceEnricher} (the committee's locality, from the bundled GB/T 2260
 * {@link org.wenshi.ingest.enrich.Gazetteer}), {@link org.wenshi.ingest.enrich.DateEnricher} (publication
 * date and years covered), {@link org.wenshi.ingest.enrich.ThemeClassifier} (driven by an editable
 * taxonomy file), {@link org.wenshi.ingest.enrich.TypeClassifier},
 * {@link org.wenshi.ingest.enrich.BylineEnricher}, {@link org.wenshi.ingest.enrich.PeopleEnricher} and
 * {@link org.wenshi.ingest.enrich.KeyFigureExtractor}. {@link org.wenshi.ingest.enrich.DocumentEnricher}
 * runs them all and adds the reprint fingerprint. Enrichers match on simplified characters
 * ({@link org.wenshi.ingest.extract.ChineseScript}) but never change the text itself. Their accuracy is
 * measured by the enrichment quality command (docs/quality.md).
 */
package org.wenshi.ingest.enrich;
