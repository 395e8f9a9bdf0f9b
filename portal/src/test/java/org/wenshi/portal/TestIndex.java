package org.wenshi.portal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wenshi.localnode.testing.TestNode;
import org.wenshi.schema.ElasticsearchConnection;
import org.wenshi.schema.Fields;
import org.wenshi.schema.IndexDefinition;
import org.wenshi.schema.IndexNames;

/**
 * An index of its own for one integration test class, on the build's real Elasticsearch node
 * ({@link TestNode}), created from the one index definition, filled with fixture documents through
 * the blocking client and deleted afterwards.
 */
public final class TestIndex implements AutoCloseable {
    private final ElasticsearchConnection connection;
    private final ElasticsearchClient client;
    private final IndexNames names;

    private TestIndex(String prefix) throws IOException {
        this.connection = ElasticsearchConnection.open(url());
        this.client = connection.client();
        this.names = new IndexNames(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        IndexDefinition.load().ensureIndex(client, names);
    }

    /** A new empty index behind a unique alias {@code <prefix>-<random>}. */
    public static TestIndex create(String prefix) throws IOException {
        return new TestIndex(prefix);
    }

    public static String url() {
        return TestNode.url().toString();
    }

    /** The blocking client this index was made with (benchmarks index in bulk through it). */
    public co.elastic.clients.elasticsearch.ElasticsearchClient client() {
        return client;
    }

    public String alias() {
        return names.alias();
    }

    /** Indexes the documents (their {@code id} field is the document id) and refreshes. */
    public void index(List<Map<String, Object>> documents) throws IOException {
        BulkResponse response = client.bulk(b -> {
            for (Map<String, Object> doc : documents) {
                b.operations(op -> op.index(i ->
                        i.index(names.alias()).id((String) doc.get(Fields.ID)).document(doc)));
            }
            return b.refresh(Refresh.True);
        });
        if (response.errors()) {
            throw new IllegalStateException("Fixture not indexed: "
                    + response.items().stream()
                            .filter(i -> i.error() != null)
                            .map(i -> i.id() + ": " + i.error().reason())
                            .toList());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            client.indices().delete(d -> d.index(names.versioned()).ignoreUnavailable(true));
        } finally {
            connection.close();
        }
    }
}
