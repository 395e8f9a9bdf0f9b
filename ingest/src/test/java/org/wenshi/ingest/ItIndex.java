package org.wenshi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.wenshi.ingest.source.Source;
import org.wenshi.localnode.testing.TestNode;
import org.wenshi.schema.ElasticsearchConnection;
import org.wenshi.schema.IndexNames;

/**
 * An integration test's own alias on the build's real node ({@link TestNode}) and a client for it:
 * a fresh alias before each test, its index deleted and the connection closed after. Register with
 * {@code @RegisterExtension final ItIndex index = new ItIndex("it-name");}.
 */
final class ItIndex implements BeforeEachCallback, AfterEachCallback {
    private final String prefix;
    private ElasticsearchConnection connection;
    private IndexNames names;

    ItIndex(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        connection = ElasticsearchConnection.open(TestNode.url().toString());
        names = new IndexNames(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            client().indices().delete(d -> d.index(names.versioned()).ignoreUnavailable(true));
        } finally {
            connection.close();
        }
    }

    ElasticsearchClient client() {
        return connection.client();
    }

    IndexNames names() {
        return names;
    }

    /** The stored document ingested from {@code file}; fails when there is none. */
    ObjectNode document(Path file) throws IOException {
        return document(Source.ofFile(file).url());
    }

    /** The stored document of the source at {@code url} (a file's URI, a page's address); fails when there is none. */
    ObjectNode document(String url) throws IOException {
        var response = client().get(g -> g.index(names.alias()).id(Source.idForUrl(url)), ObjectNode.class);
        assertThat(response.found()).as("document for %s", url).isTrue();
        return response.source();
    }
}
