/**
 * Trends for analysts: how many documents match a term (or carry a theme) per year or place, beside
 * how many documents there are in that year or place, as {@code /api/trends}, its CSV and the
 * {@code /trends} page; and the key figures read out of the documents at ingest as series per place
 * and year ({@code /api/figures}). Every view is one Elasticsearch request.
 */
package org.wenshi.portal.trends;
