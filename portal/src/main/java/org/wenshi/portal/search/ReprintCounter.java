package org.wenshi.portal.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.wenshi.portal.search.SearchResult.Hit;
import org.wenshi.portal.system.ElasticsearchAccess;
import org.wenshi.schema.Fields;
import reactor.core.publisher.Mono;

/**
 * Counts the reprints of the documents on a page of results: the other members of each hit's
 * {@code duplicate_group}, which the search itself hides ({@code canonical: false}). A second, small
 * request (a {@code terms} filter on the page's groups and one {@code terms} aggregation), skipped
 * entirely while the index holds no reprint at all, which it rechecks every minute. A failure of this
 * count never fails the search: the hits are shown without the count.
 */
@Component
public class ReprintCounter {
    static final Duration RECHECK = Duration.ofMinutes(1);

    private final ElasticsearchAccess elasticsearch;
    private final Mono<Boolean> anyReprints;

    public ReprintCounter(ElasticsearchAccess elasticsearch) {
        this.elasticsearch = elasticsearch;
        this.anyReprints = elasticsearch
                .execute(
                        "count",
                        es -> es.count(
                                c -> c.index(elasticsearch.names().alias()).query(SearchQueryBuilder.REPRINT)))
                .map(r -> r.count() > 0)
                .onErrorReturn(true)
                .cache(RECHECK);
    }

    /** The hits with {@link Hit#reprints()} filled in. */
    public Mono<List<Hit>> addCounts(List<Hit> hits) {
        List<String> groups = hits.stream()
                .map(Hit::duplicateGroup)
                .filter(g -> g != null && !g.isEmpty())
                .distinct()
                .toList();
        if (groups.isEmpty()) {
            return Mono.just(hits);
        }
        return anyReprints
                .flatMap(any -> any ? count(groups) : Mono.just(Map.<String, Long>of()))
                .onErrorReturn(Map.of())
                .map(counts -> {
                    List<Hit> counted = new ArrayList<>(hits.size());
                    for (Hit hit : hits) {
                        Long n = hit.duplicateGroup() == null ? null : counts.get(hit.duplicateGroup());
                        counted.add(n == null ? hit : hit.withReprints(n));
                    }
                    return List.copyOf(counted);
                });
    }

    private Mono<Map<String, Long>> count(List<String> groups) {
        SearchRequest request = request(elasticsearch.names().alias(), groups);
        return elasticsearch
                .execute("reprints", es -> es.search(request, ObjectNode.class))
                .map(response -> {
                    Map<String, Long> counts = new HashMap<>();
                    Aggregate agg = response.aggregations().get(SearchQueryBuilder.VALUES);
                    if (agg != null && agg.isSterms()) {
                        agg.sterms()
                                .buckets()
                                .array()
                                .forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
                    }
                    return counts;
                });
    }

    /** Reprints ({@code canonical: false}) in the groups, counted per group. */
    static SearchRequest request(String index, List<String> groups) {
        List<FieldValue> values = groups.stream().map(FieldValue::of).toList();
        Query inGroups =
                Query.of(q -> q.terms(t -> t.field(Fields.DUPLICATE_GROUP).terms(v -> v.value(values))));
        return SearchRequest.of(s -> s.index(index)
                .size(0)
                .query(q -> q.bool(b -> b.filter(inGroups).filter(SearchQueryBuilder.REPRINT)))
                .aggregations(
                        SearchQueryBuilder.VALUES,
                        a -> a.terms(t -> t.field(Fields.DUPLICATE_GROUP).size(groups.size()))));
    }
}
