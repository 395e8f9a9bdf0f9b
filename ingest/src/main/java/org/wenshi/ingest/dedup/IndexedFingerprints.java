package org.wenshi.ingest.dedup;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.wenshi.ingest.index.Retrying;
import org.wenshi.schema.Fields;

/**
 * The canonical documents of the index that share a band key with a batch of new texts, with their
 * stored signatures: one search per batch, so reprints are found against everything indexed in
 * earlier runs. It never writes and never reads the texts themselves.
 */
public final class IndexedFingerprints implements ReprintLookup.EarlierVersions {
    private static final int MAX_HITS = 10_000;

    private final ElasticsearchClient client;
    private final String alias;

    public IndexedFingerprints(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    @Override
    public List<ReprintGroups.Version> sharingBands(Collection<String> bands) {
        List<ReprintGroups.Version> out = new ArrayList<>();
        if (bands.isEmpty()) {
            return out;
        }
        Set<String> unique = new LinkedHashSet<>(bands);
        List<FieldValue> values = unique.stream().map(FieldValue::of).toList();
        SearchResponse<ObjectNode> response = Retrying.call(
                "looking up " + unique.size() + " reprint band keys",
                () -> client.search(
                        s -> s.index(alias)
                                .size(MAX_HITS)
                                .query(q -> q.bool(b -> b.filter(f -> f.terms(t ->
                                                t.field(Fields.SHINGLE_BANDS).terms(tv -> tv.value(values))))
                                        .mustNot(n -> n.term(
                                                t -> t.field(Fields.CANONICAL).value(false)))))
                                .source(src -> src.filter(
                                        f -> f.includes(Fields.DUPLICATE_GROUP, Fields.CONTENT_HASH, Fields.MINHASH))),
                        ObjectNode.class));
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            ObjectNode src = hit.source();
            if (src == null || !src.path(Fields.MINHASH).isArray()) {
                continue;
            }
            JsonNode stored = src.get(Fields.MINHASH);
            if (stored.size() != Fingerprint.HASHES) {
                continue;
            }
            int[] minhash = new int[Fingerprint.HASHES];
            for (int i = 0; i < minhash.length; i++) {
                minhash[i] = stored.get(i).asInt();
            }
            String group = src.path(Fields.DUPLICATE_GROUP)
                    .asText(src.path(Fields.CONTENT_HASH).asText(hit.id()));
            out.add(new ReprintGroups.Version(
                    hit.id(), group.isEmpty() ? hit.id() : group, Fingerprint.of(minhash, Fingerprint.MIN_SENTENCES)));
        }
        return out;
    }
}
