package org.wenshi.ingest.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wenshi.schema.Fields;

/**
 * What the index already holds for a batch of documents, in two requests per batch: the stored
 * documents with the batch's ids (without their text) and, for the batch's content hashes, the
 * canonical document holding each. Exists so "unchanged" and "duplicate" are decided from the index,
 * not from memory of a previous run. It never writes.
 */
public final class IndexedDocuments {
    private final ElasticsearchClient client;
    private final String alias;

    public IndexedDocuments(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /** The stored {@code _source} (text excluded) of each id the index has. */
    public Map<String, ObjectNode> byId(Collection<String> ids) {
        Map<String, ObjectNode> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<String> list = List.copyOf(ids);
        MgetResponse<ObjectNode> response = Retrying.call(
                "looking up " + list.size() + " documents",
                () -> client.mget(m -> m.index(alias).ids(list).sourceExcludes(Fields.TEXT), ObjectNode.class));
        for (MultiGetResponseItem<ObjectNode> item : response.docs()) {
            if (item.isResult() && item.result().found() && item.result().source() != null) {
                found.put(item.result().id(), item.result().source());
            }
        }
        return found;
    }

    /** For each hash, the id of a canonical document holding it (smallest id when several). */
    public Map<String, String> canonicalByHash(Collection<String> hashes) {
        Map<String, String> found = new HashMap<>();
        if (hashes.isEmpty()) {
            return found;
        }
        List<FieldValue> values = new ArrayList<>();
        hashes.forEach(h -> values.add(FieldValue.of(h)));
        int size = Math.min(10_000, hashes.size() * 4);
        SearchResponse<ObjectNode> response = Retrying.call(
                "looking up " + hashes.size() + " content hashes",
                () -> client.search(
                        s -> s.index(alias)
                                .size(size)
                                .query(q -> q.bool(b -> b.filter(f -> f.terms(t ->
                                                t.field(Fields.CONTENT_HASH).terms(tv -> tv.value(values))))
                                        .mustNot(n -> n.term(
                                                t -> t.field(Fields.CANONICAL).value(false)))))
                                .source(src -> src.filter(f -> f.includes(Fields.ID, Fields.CONTENT_HASH)))
                                .sort(so -> so.field(fs -> fs.field(Fields.ID).order(SortOrder.Asc))),
                        ObjectNode.class));
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            ObjectNode src = hit.source();
            if (src != null && src.hasNonNull(Fields.CONTENT_HASH)) {
                found.putIfAbsent(src.get(Fields.CONTENT_HASH).asText(), hit.id());
            }
        }
        return found;
    }
}
