/**
 * The Wenshi portal: a Spring Boot WebFlux application that answers the search API and renders the
 * search pages. Packages by feature: {@code search} (query language, query building, results),
 * {@code document} (one document, by id or source URL) and {@code system} (Elasticsearch access,
 * errors, configuration, language, metrics). Reactive end to end: no Elasticsearch call ever
 * blocks an event-loop thread.
 */
package org.wenshi.portal;
