package org.wenshi.portal.search;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Service;
import org.wenshi.portal.system.ElasticsearchAccess;
import org.wenshi.portal.system.PortalMetrics;
import reactor.core.publisher.Mono;

/**
 * Runs one search: criteria → request → Elasticsearch (one request, its answer read as it streams)
 * → result, then, when nothing was found, a spelling suggestion. Shared by the API and the
 * results page, so both always show the same data; times every search as {@code wenshi.search}.
 */
@Service
public class SearchService {
    private final ElasticsearchAccess elasticsearch;
    private final SearchQueryBuilder queryBuilder;
    private final SearchResponseMapper responseMapper;
    private final SpellingSuggester spelling;
    private final PortalMetrics metrics;

    public SearchService(
            ElasticsearchAccess elasticsearch,
            SearchQueryBuilder queryBuilder,
            SearchResponseMapper responseMapper,
            SpellingSuggester spelling,
            PortalMetrics metrics) {
        this.elasticsearch = elasticsearch;
        this.queryBuilder = queryBuilder;
        this.responseMapper = responseMapper;
        this.spelling = spelling;
        this.metrics = metrics;
    }

    public Mono<SearchResult> search(SearchCriteria criteria) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(metrics.registry());
            SearchRequest request =
                    queryBuilder.build(criteria, elasticsearch.names().alias());
            return elasticsearch
                    .search(
                            "search",
                            elasticsearch.names().alias(),
                            request,
                            answer -> responseMapper.read(criteria, answer))
                    .flatMap(result -> result.total() == 0 && !criteria.query().isEmpty()
                            ? spelling.suggest(criteria.q())
                                    .map(result::withDidYouMean)
                                    .defaultIfEmpty(result)
                            : Mono.just(result))
                    .doFinally(signal -> sample.stop(metrics.searchTimer()));
        });
    }
}
