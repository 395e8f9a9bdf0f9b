package org.wenshi.ingest.dedup;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wenshi.ingest.index.Retrying;
import org.wenshi.schema.Fields;

/**
 * Keeps {@code reprints} on every canonical document equal to the number of other versions of its
 * text in the index (the non-canonical members of its {@code duplicate_group}), so a page of search
 * results shows "N 个转载版本" without a second request per search.
 *
 * <p>It runs after each ingest run and recomputes from the index, never from what the run remembers:
 * a run killed before its recount leaves the counts to the next run, which puts them right even when
 * every source is unchanged. Memory is bounded by the page size, not the archive: groups are read in
 * pages of a composite aggregation, and canonical documents that claim reprints are rechecked in pages
 * sorted by id. It writes the one field {@code reprints} and nothing else, and only where it differs.
 */
public final class ReprintCounts {
    static final int PAGE = 1_000;
    private static final String GROUPS = "groups";

    private final ElasticsearchClient client;
    private final String alias;

    public ReprintCounts(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /** Brings every canonical document's {@code reprints} up to date; returns how many were changed. */
    public int update() {
        int changed = 0;
        // 1. Groups that have reprints: their canonical documents get the count.
        Map<String, FieldValue> after = null;
        while (true) {
            Map<String, FieldValue> from = after;
            SearchResponse<Void> page = Retrying.call(
                    "counting reprints per group",
                    () -> client.search(
                            s -> s.index(alias)
                                    .size(0)
                                    .query(q -> q.term(
                                            t -> t.field(Fields.CANONICAL).value(false)))
                                    .aggregations(
                                            GROUPS,
                                            a -> a.composite(c -> {
                                                c.size(PAGE)
                                                        .sources(List.of(Map.of(
                                                                Fields.DUPLICATE_GROUP,
                                                                CompositeAggregationSource.of(
                                                                        cs -> cs.terms(
                                                                                t -> t.field(
                                                                                        Fields.DUPLICATE_GROUP))))));
                                                if (from != null) {
                                                    c.after(from);
                                                }
                                                return c;
                                            })),
                            Void.class));
            CompositeAggregate groups = page.aggregations().get(GROUPS).composite();
            List<CompositeBucket> buckets = groups.buckets().array();
            if (buckets.isEmpty()) {
                break;
            }
            Map<String, Long> counts = new HashMap<>();
            for (CompositeBucket b : buckets) {
                counts.put(b.key().get(Fields.DUPLICATE_GROUP).stringValue(), b.docCount());
            }
            changed += correct(counts, inGroups(counts.keySet()));
            if (groups.afterKey() == null || buckets.size() < PAGE) {
                break;
            }
            after = groups.afterKey();
        }
        // 2. Canonical documents that claim reprints their group no longer has (a reprint changed or was removed).
        String lastId = null;
        while (true) {
            String from = lastId;
            SearchResponse<ObjectNode> claims = Retrying.call(
                    "rechecking reprint counts",
                    () -> client.search(
                            s -> {
                                s.index(alias)
                                        .size(PAGE)
                                        .query(q -> q.bool(b -> b.filter(f -> f.range(r -> r.number(n ->
                                                        n.field(Fields.REPRINTS).gt(0.0))))
                                                .mustNot(n -> n.term(t -> t.field(Fields.CANONICAL)
                                                        .value(false)))))
                                        .source(src ->
                                                src.filter(f -> f.includes(Fields.DUPLICATE_GROUP, Fields.REPRINTS)))
                                        .sort(o -> o.field(f -> f.field(Fields.ID)));
                                if (from != null) {
                                    s.searchAfter(FieldValue.of(from));
                                }
                                return s;
                            },
                            ObjectNode.class));
            List<Hit<ObjectNode>> hits = claims.hits().hits();
            if (hits.isEmpty()) {
                break;
            }
            List<String> groups = hits.stream()
                    .map(h -> h.source() == null
                            ? ""
                            : h.source().path(Fields.DUPLICATE_GROUP).asText(""))
                    .filter(g -> !g.isEmpty())
                    .distinct()
                    .toList();
            changed += correct(countsOf(groups), hits);
            if (hits.size() < PAGE) {
                break;
            }
            lastId = hits.get(hits.size() - 1).id();
        }
        if (changed > 0) {
            Retrying.call("refresh", () -> client.indices().refresh(r -> r.index(alias)));
        }
        return changed;
    }

    /** The canonical documents of {@code groups}, with their stored count. */
    private List<Hit<ObjectNode>> inGroups(Collection<String> groups) {
        List<FieldValue> values = groups.stream().map(FieldValue::of).toList();
        return Retrying.call(
                        "reading canonical documents of " + groups.size() + " reprint groups",
                        () -> client.search(
                                s -> s.index(alias)
                                        .size(10_000)
                                        .query(q -> q.bool(b -> b.filter(canonicalIn(values))))
                                        .source(src ->
                                                src.filter(f -> f.includes(Fields.DUPLICATE_GROUP, Fields.REPRINTS))),
                                ObjectNode.class))
                .hits()
                .hits();
    }

    private static Query canonicalIn(List<FieldValue> groups) {
        return Query.of(q -> q.bool(
                b -> b.filter(f -> f.terms(t -> t.field(Fields.DUPLICATE_GROUP).terms(v -> v.value(groups))))
                        .mustNot(n -> n.term(t -> t.field(Fields.CANONICAL).value(false)))));
    }

    /** Non-canonical members per group, for {@code groups}. */
    private Map<String, Long> countsOf(List<String> groups) {
        Map<String, Long> counts = new HashMap<>();
        if (groups.isEmpty()) {
            return counts;
        }
        List<FieldValue> values = groups.stream().map(FieldValue::of).toList();
        SearchResponse<Void> response = Retrying.call(
                "counting reprints of " + groups.size() + " groups",
                () -> client.search(
                        s -> s.index(alias)
                                .size(0)
                                .query(q -> q.bool(b -> b.filter(f -> f.terms(t ->
                                                t.field(Fields.DUPLICATE_GROUP).terms(v -> v.value(values))))
                                        .filter(f -> f.term(
                                                t -> t.field(Fields.CANONICAL).value(false)))))
                                .aggregations(
                                        GROUPS,
                                        a -> a.terms(t ->
                                                t.field(Fields.DUPLICATE_GROUP).size(groups.size()))),
                        Void.class));
        for (StringTermsBucket b :
                response.aggregations().get(GROUPS).sterms().buckets().array()) {
            counts.put(b.key().stringValue(), b.docCount());
        }
        return counts;
    }

    /** Writes the right count where a canonical document's stored one differs; returns the writes. */
    private int correct(Map<String, Long> counts, List<Hit<ObjectNode>> canonical) {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        int n = 0;
        for (Hit<ObjectNode> hit : canonical) {
            if (hit.source() == null) {
                continue;
            }
            String group = hit.source().path(Fields.DUPLICATE_GROUP).asText("");
            long want = counts.getOrDefault(group, 0L);
            long stored = hit.source().path(Fields.REPRINTS).asLong(0);
            if (want != stored) {
                bulk.operations(op -> op.update(u -> u.index(hit.index())
                        .id(hit.id())
                        .action(a -> a.doc(JsonData.of(Map.of(Fields.REPRINTS, want))))));
                n++;
            }
        }
        if (n > 0) {
            BulkRequest request = bulk.build();
            BulkResponse response = Retrying.call(
                    "writing " + request.operations().size() + " reprint counts", () -> client.bulk(request));
            if (response.errors()) {
                var first = response.items().stream()
                        .filter(i -> i.error() != null)
                        .findFirst()
                        .orElseThrow();
                throw new IllegalStateException(
                        "Cannot write reprint counts: " + first.error().reason());
            }
        }
        return n;
    }
}
