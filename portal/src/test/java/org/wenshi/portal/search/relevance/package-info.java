/**
 * The relevance evaluation: graded judgements of queries on the sample archive
 * ({@code portal/src/relevance/judgments.tsv}), the measures ({@link
 * org.wenshi.portal.search.relevance.RankingMetrics}) and the command that runs the judged queries
 * against a portal and prints nDCG@10 and MRR ({@link
 * org.wenshi.portal.search.relevance.RelevanceEvaluation}, started by
 * {@code portal/src/relevance/relevance.sh}).
 */
package org.wenshi.portal.search.relevance;
