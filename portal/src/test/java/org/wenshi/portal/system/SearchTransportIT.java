package org.wenshi.portal.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.wenshi.localnode.testing.TestNode;
import org.wenshi.schema.ElasticsearchConnection;

/**
 * {@link SearchTransport} against the build's real Elasticsearch node: an answer is read as a tree,
 * an error status keeps Elasticsearch's error type (so the portal can tell a rejected query from an
 * outage), and a node that cannot be reached is passed over for the next one.
 */
class SearchTransportIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ElasticsearchAccess.AnswerReader<JsonNode> TREE = JsonParser::readValueAsTree;

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheAnswerOfARealNodeAsATree() throws Exception {
        try (ElasticsearchConnection c =
                        ElasticsearchConnection.open(TestNode.url().toString());
                SearchTransport transport = new SearchTransport(c.endpoints(), TIMEOUT)) {
            JsonNode answer =
                    transport.post("/_search", json("{\"size\":0}"), TREE).block(TIMEOUT);
            assertThat(answer.path("hits").path("total").isObject()).isTrue();
            assertThat(answer.has("took")).isTrue();
        }
    }

    @Test
    void anErrorStatusCarriesElasticsearchsErrorType() throws Exception {
        try (ElasticsearchConnection c =
                        ElasticsearchConnection.open(TestNode.url().toString());
                SearchTransport transport = new SearchTransport(c.endpoints(), TIMEOUT)) {
            assertThatThrownBy(() -> transport
                            .post("/no-such-index-for-transport-it/_search", json("{}"), TREE)
                            .block(TIMEOUT))
                    .isInstanceOfSatisfying(SearchTransport.ErrorStatus.class, e -> {
                        assertThat(e.status).isEqualTo(404);
                        assertThat(e.type).isEqualTo("index_not_found_exception");
                    });
            assertThat(ElasticsearchAccess.translate(new SearchTransport.ErrorStatus(404, "index_not_found_exception")))
                    .isInstanceOf(ElasticsearchUnavailableException.class);
            assertThatThrownBy(() -> transport
                            .post("/_search", json("{\"query\":{\"no_such_query\":{}}}"), TREE)
                            .block(TIMEOUT))
                    .isInstanceOfSatisfying(SearchTransport.ErrorStatus.class, e -> assertThat(e.status)
                            .isEqualTo(400));
        }
    }

    @Test
    void anUnreachableNodeIsPassedOverForTheNext() throws Exception {
        int deadPort;
        try (ServerSocket free = new ServerSocket(0)) {
            deadPort = free.getLocalPort(); // closed again: nothing listens there
        }
        String urls = "http://127.0.0.1:" + deadPort + "," + TestNode.url();
        try (ElasticsearchConnection c = ElasticsearchConnection.open(urls);
                SearchTransport transport = new SearchTransport(c.endpoints(), TIMEOUT)) {
            for (int i = 0; i < 4; i++) { // both starting points of the round robin
                JsonNode answer =
                        transport.post("/_search", json("{\"size\":0}"), TREE).block(TIMEOUT);
                assertThat(answer.has("took")).as("search %d", i).isTrue();
            }
        }
    }
}
