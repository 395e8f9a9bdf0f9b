package org.wenshi.portal.trends;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.wenshi.portal.system.ElasticsearchAccess;
import org.wenshi.portal.trends.TrendCriteria.GroupBy;
import reactor.core.publisher.Mono;

/**
 * Runs one trends view: criteria → one request ({@link TrendQueryBuilder}) → points. Every group
 * of the totals is a point of every series, with {@code docs} 0 where the term does not occur, so
 * that all series share one axis.
 */
@Service
public class TrendsService {
    private final ElasticsearchAccess elasticsearch;
    private final TrendQueryBuilder queryBuilder;

    public TrendsService(ElasticsearchAccess elasticsearch, TrendQueryBuilder queryBuilder) {
        this.elasticsearch = elasticsearch;
        this.queryBuilder = queryBuilder;
    }

    public Mono<TrendResult> trends(TrendCriteria criteria) {
        return Mono.defer(() -> {
            String index = elasticsearch.names().alias();
            SearchRequest request = queryBuilder.build(criteria, index);
            // Through the search transport, as every search (Reactor Netty, the answer read as a tree of
            // the few aggregation fields used), instead of the typed client's own I/O threads and model.
            return elasticsearch.search("trends", index, request, answer -> read(criteria, answer.readValueAsTree()));
        });
    }

    static TrendResult read(TrendCriteria criteria, JsonNode response) {
        if (response == null) {
            return null;
        }
        JsonNode aggregations = response.path("aggregations");
        Map<Group, Long> totals = groups(criteria, aggregations.path(TrendQueryBuilder.TOTAL));
        JsonNode perSeries = aggregations.path(TrendQueryBuilder.SERIES).path("buckets");
        List<TrendResult.Series> series = new ArrayList<>();
        for (int i = 0; i < criteria.series().size(); i++) {
            TrendCriteria.Series s = criteria.series().get(i);
            JsonNode bucket = perSeries.path(TrendQueryBuilder.key(i));
            Map<Group, Long> matching = groups(criteria, bucket.path(TrendQueryBuilder.GROUPS));
            List<TrendResult.Point> points = new ArrayList<>(totals.size());
            long sum = 0;
            for (Map.Entry<Group, Long> total : totals.entrySet()) {
                long docs = matching.getOrDefault(total.getKey(), 0L);
                sum += docs;
                points.add(TrendResult.Point.of(
                        total.getKey().year(), total.getKey().place(), docs, total.getValue()));
            }
            series.add(new TrendResult.Series(
                    s.label(), s.kind().key(), sum, TrendResult.smooth(points, criteria.smoothing())));
        }
        long documents = response.path("hits").path("total").path("value").asLong(0);
        return new TrendResult(
                criteria.by().parameter(),
                criteria.split() ? "year" : null,
                documents,
                TrendResult.SPARSE_BELOW,
                series);
    }

    /** A year, a place, or a place in a year. */
    record Group(Integer year, String place) {}

    /**
     * The groups of one grouping aggregation (a missing one has none) with their document counts, in
     * the aggregation's order.
     */
    private static Map<Group, Long> groups(TrendCriteria criteria, JsonNode aggregate) {
        Map<Group, Long> out = new LinkedHashMap<>();
        for (JsonNode b : aggregate.path("buckets")) {
            if (criteria.by() == GroupBy.YEAR) {
                out.put(
                        new Group(b.path("key").asInt(), null),
                        b.path("doc_count").asLong());
            } else if (criteria.split()) {
                String place = b.path("key").asText();
                for (JsonNode y : b.path(TrendQueryBuilder.YEARS).path("buckets")) {
                    out.put(
                            new Group(y.path("key").asInt(), place),
                            y.path("doc_count").asLong());
                }
            } else {
                out.put(
                        new Group(null, b.path("key").asText()),
                        b.path("doc_count").asLong());
            }
        }
        return out;
    }
}
