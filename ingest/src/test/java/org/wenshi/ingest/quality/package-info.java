/**
 * The enrichment quality command and its guard: the labelled evaluation set
 * ({@link org.wenshi.ingest.quality.EvaluationSet}), the command that prints precision and recall per
 * field ({@link org.wenshi.ingest.quality.EnrichmentEvaluation}), the real seed documents' expectations
 * ({@link org.wenshi.ingest.quality.SeedCheck}) and the tests that keep the targets.
 */
package org.wenshi.ingest.quality;
