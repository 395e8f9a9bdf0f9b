package org.wenshi.portal.trends;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
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
            SearchRequest request =
                    queryBuilder.build(criteria, elasticsearch.names().alias());
            return elasticsearch
                    .execute("trends", c -> c.search(request, Void.class))
                    .map(response -> read(criteria, response));
        });
    }

    static TrendResult read(TrendCriteria criteria, SearchResponse<Void> response) {
        Map<Group, Long> totals = groups(criteria, response.aggregations().get(TrendQueryBuilder.TOTAL));
        Map<String, FiltersBucket> perSeries = response.aggregations()
                .get(TrendQueryBuilder.SERIES)
                .filters()
                .buckets()
                .keyed();
        List<TrendResult.Series> series = new ArrayList<>();
        for (int i = 0; i < criteria.series().size(); i++) {
            TrendCriteria.Series s = criteria.series().get(i);
            FiltersBucket bucket = perSeries.get(TrendQueryBuilder.key(i));
            Map<Group, Long> matching = bucket == null
                    ? Map.of()
                    : groups(criteria, bucket.aggregations().get(TrendQueryBuilder.GROUPS));
            List<TrendResult.Point> points = new ArrayList<>(totals.size());
            long sum = 0;
            for (Map.Entry<Group, Long> total : totals.entrySet()) {
                long docs = matching.getOrDefault(total.getKey(), 0L);
                sum += docs;
                points.add(TrendResult.Point.of(
                        total.getKey().year(), total.getKey().place(), docs, total.getValue()));
            }
            series.add(new TrendResult.Series(s.label(), s.kind().key(), sum, points));
        }
        long documents =
                response.hits().total() == null ? 0 : response.hits().total().value();
        return new TrendResult(
                criteria.by().parameter(),
                criteria.split() ? "year" : null,
                documents,
                TrendResult.SPARSE_BELOW,
                series);
    }

    /** A year, a place, or a place in a year. */
    record Group(Integer year, String place) {}

    /** The groups of one grouping aggregation with their document counts, in the aggregation's order. */
    private static Map<Group, Long> groups(TrendCriteria criteria, Aggregate aggregate) {
        Map<Group, Long> out = new LinkedHashMap<>();
        if (criteria.by() == GroupBy.YEAR) {
            for (LongTermsBucket b : aggregate.lterms().buckets().array()) {
                out.put(new Group((int) b.key(), null), b.docCount());
            }
            return out;
        }
        for (StringTermsBucket b : aggregate.sterms().buckets().array()) {
            String place = b.key().stringValue();
            if (criteria.split()) {
                for (LongTermsBucket y : b.aggregations()
                        .get(TrendQueryBuilder.YEARS)
                        .lterms()
                        .buckets()
                        .array()) {
                    out.put(new Group((int) y.key(), place), y.docCount());
                }
            } else {
                out.put(new Group(null, place), b.docCount());
            }
        }
        return out;
    }
}
