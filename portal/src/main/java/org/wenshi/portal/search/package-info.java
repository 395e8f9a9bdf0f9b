/**
 * Search, from request to answer: {@link org.wenshi.portal.search.SearchCriteria} validates the
 * parameters, {@link org.wenshi.portal.search.QueryParser} turns the user's query text into a
 * {@link org.wenshi.portal.search.UserQuery}, {@link org.wenshi.portal.search.SearchQueryBuilder}
 * turns both into one Elasticsearch request (full text, facet filters as a post filter, facet
 * counts, highlighting), {@link org.wenshi.portal.search.SearchResponseMapper} turns the answer
 * into a {@link org.wenshi.portal.search.SearchResult}, which the API serves as JSON and the
 * results page renders.
 */
package org.wenshi.portal.search;
