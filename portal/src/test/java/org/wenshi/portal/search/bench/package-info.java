/**
 * Load benchmark support: {@link org.wenshi.portal.search.bench.BenchRequests} writes the requests
 * {@code portal/src/bench/search-bench.sh} sends, to the portal and straight to Elasticsearch.
 */
package org.wenshi.portal.search.bench;
