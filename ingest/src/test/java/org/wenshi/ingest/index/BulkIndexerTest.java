package org.wenshi.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wenshi.schema.ElasticsearchConnection;

/**
 * Error paths of bulk indexing against a loopback HTTP server that answers like Elasticsearch
 * would: per-item errors, 429 rejections, and no server at all. The happy path runs against the
 * real node in {@code IngestIT}.
 */
class BulkIndexerTest {
    private HttpServer server;
    private ElasticsearchConnection connection;
    private final Map<String, String> results = new ConcurrentHashMap<>();

    private final BulkIndexer.Listener<String> listener = new BulkIndexer.Listener<>() {
        @Override
        public void indexed(String source) {
            results.put(source, "indexed");
        }

        @Override
        public void failed(String source, String reason) {
            results.put(source, "failed: " + reason);
        }
    };

    @AfterEach
    void stop() throws IOException {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private String start(Function<Integer, String> bulkAnswer, AtomicInteger calls, int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int n = calls.incrementAndGet();
            String body = bulkAnswer.apply(n);
            answer(exchange, n == 1 ? status : 200, body);
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String item(String id, int status, String errorType) {
        String error = errorType == null
                ? "\"result\":\"created\",\"_version\":1"
                : "\"error\":{\"type\":\"" + errorType + "\",\"reason\":\"reason for " + id + "\"}";
        return "{\"index\":{\"_index\":\"it-v1\",\"_id\":\"" + id + "\",\"status\":" + status + "," + error + "}}";
    }

    private static String bulk(String... items) {
        return "{\"took\":1,\"errors\":true,\"items\":[" + String.join(",", items) + "]}";
    }

    private static ObjectNode doc(String id) {
        return new ObjectMapper().createObjectNode().put("id", id);
    }

    private BulkIndexer<String> indexer(String url, int maxDocs) {
        connection = ElasticsearchConnection.open(url);
        return new BulkIndexer<>(connection.client(), "it", maxDocs, 5L << 20, 2, listener);
    }

    @Test
    void mapsEachItemErrorBackToItsOwnSource() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String url = start(
                n -> bulk(item("a", 201, null), item("b", 400, "document_parsing_exception"), item("c", 201, null)),
                calls,
                200);
        try (BulkIndexer<String> indexer = indexer(url, 10)) {
            for (String id : List.of("a", "b", "c")) {
                indexer.add(new BulkIndexer.Item<>(id, doc(id), 100, "file:///data/" + id + ".txt"));
            }
        }
        assertThat(results)
                .containsEntry("file:///data/a.txt", "indexed")
                .containsEntry("file:///data/c.txt", "indexed")
                .containsEntry(
                        "file:///data/b.txt", "failed: bulk item error: document_parsing_exception: reason for b");
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void retriesItemsRejectedWith429() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String url = start(
                n -> n == 1
                        ? bulk(item("a", 201, null), item("b", 429, "es_rejected_execution_exception"))
                        : bulk(item("b", 201, null)),
                calls,
                200);
        try (BulkIndexer<String> indexer = indexer(url, 10)) {
            indexer.add(new BulkIndexer.Item<>("a", doc("a"), 100, "a"));
            indexer.add(new BulkIndexer.Item<>("b", doc("b"), 100, "b"));
        }
        assertThat(results).containsEntry("a", "indexed").containsEntry("b", "indexed");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void retriesAWholeRequestAnswered503() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String url = start(
                n -> n == 1
                        ? "{\"error\":{\"type\":\"unavailable_shards_exception\",\"reason\":\"busy\"},\"status\":503}"
                        : bulk(item("a", 201, null)),
                calls,
                503);
        try (BulkIndexer<String> indexer = indexer(url, 10)) {
            indexer.add(new BulkIndexer.Item<>("a", doc("a"), 100, "a"));
        }
        assertThat(results).containsEntry("a", "indexed");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void marksEveryItemFailedAndTheIndexerUnavailableWhenNothingAnswers() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        BulkIndexer<String> indexer = indexer("http://127.0.0.1:" + port, 2);
        indexer.add(new BulkIndexer.Item<>("a", doc("a"), 100, "a"));
        indexer.add(new BulkIndexer.Item<>("b", doc("b"), 100, "b"));
        indexer.add(new BulkIndexer.Item<>("c", doc("c"), 100, "c"));
        indexer.close();
        assertThat(results).hasSize(3);
        assertThat(results.values()).allMatch(r -> r.startsWith("failed: not indexed: bulk request"));
        assertThat(indexer.unavailable()).isNotNull();
    }
}
