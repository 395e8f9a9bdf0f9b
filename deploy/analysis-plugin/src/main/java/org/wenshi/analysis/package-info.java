/**
 * Chinese analysis for the Wenshi index, as an Elasticsearch <em>stable</em> analysis plugin
 * ({@code elasticsearch-plugin-api}): each public {@code *Factory} class is a named component that the
 * installer finds by its {@code @NamedComponent} annotation (listed ahead of time in the zip's
 * {@code named_components.json}), and that an index's analysis settings use by name.
 *
 * <ul>
 *   <li>{@code wenshi_fold} (char filter, {@link org.wenshi.analysis.FoldCharFilterFactory}): traditional →
 *       simplified, full-width → half-width, lower case, whitespace between Han removed; offsets corrected.
 *   <li>{@code wenshi_smartcn} (tokenizer, {@link org.wenshi.analysis.SmartcnTokenizerFactory}): words.
 *   <li>{@code wenshi_keyword} (tokenizer, {@link org.wenshi.analysis.KeywordTokenizerFactory}): the whole
 *       text as one token (the server has no {@code keyword} tokenizer).
 *   <li>{@code wenshi_drop_punct} (token filter, {@link org.wenshi.analysis.DropPunctuationFilterFactory}):
 *       no punctuation terms.
 *   <li>{@code wenshi_cjk_bigram} (token filter, {@link org.wenshi.analysis.CjkBigramFilterFactory}): Han
 *       bigrams after the server's {@code standard} tokenizer.
 *   <li>{@code wenshi_synonyms} (token filter, {@link org.wenshi.analysis.SynonymFilterFactory}): CPPCC
 *       synonyms, query side only.
 * </ul>
 *
 * <p>Only Lucene classes that the server itself ships (lucene-core, lucene-analysis-common) and smartcn,
 * bundled in the plugin zip, may be used here: nothing from Elasticsearch's server internals, and no icu4j.
 */
package org.wenshi.analysis;
