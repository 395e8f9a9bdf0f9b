package org.wenshi.portal.search;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Service;
import org.wenshi.portal.system.ElasticsearchAccess;
import org.wenshi.portal.system.PortalMetrics;
import reactor.core.publisher.Mono;

/**
 * Runs one search: criteria → request → asynchronous client → result. Shared by the API and the
 * results page, so both always show the same data; times every search as {@code wenshi.search}.
 */
@Service
public class SearchService {
    private final ElasticsearchAccess elasticsearch;
    private final SearchQueryBuilder queryBuilder;
    private final SearchResponseMapper responseMapper;
    private final PortalMetrics metrics;

    public SearchService(
            ElasticsearchAccess elasticsearch,
            SearchQueryBuilder queryBuilder,
            SearchResponseMapper responseMapper,
            PortalMetrics metrics) {
        this.elasticsearch = elasticsearch;
        this.queryBuilder = queryBuilder;
        this.responseMapper = responseMapper;
        this.metrics = metrics;
    }

    public Mono<SearchResult> search(SearchCriteria criteria) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(metrics.registry());
            SearchRequest request =
                    queryBuilder.build(criteria, elasticsearch.names().alias());
            return elasticsearch
                    .execute("search", es -> es.search(request, ObjectNode.class))
                    .map(response -> responseMapper.map(criteria, response))
                    .doFinally(signal -> sample.stop(metrics.searchTimer()));
        });
    }
}
