package org.wenshi.localnode;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClusterHealthTest {

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Test
    void readsNameStatusAndTimeout() {
        String body = "{\"cluster_name\":\"wenshi-0123abcd\",\"status\":\"yellow\",\"timed_out\":false,"
                + "\"number_of_nodes\":1,\"unassigned_shards\":3}";
        assertThat(ClusterHealth.parse(200, body))
                .contains(new ClusterHealth(200, "wenshi-0123abcd", "yellow", false))
                .get()
                .matches(ClusterHealth::usable);
    }

    @Test
    void aTimedOutWaitIsNotUsable() {
        String body = "{\"cluster_name\":\"c\",\"status\":\"red\",\"timed_out\":true}";
        assertThat(ClusterHealth.parse(408, body)).get().matches(health -> !health.usable());
    }

    @Test
    void anythingElseIsNoAnswer() {
        assertThat(ClusterHealth.parse(405, "{\"error\":\"Incorrect HTTP method\",\"status\":405}"))
                .isEmpty();
        assertThat(ClusterHealth.parse(200, "<html>hello</html>")).isEmpty();
    }

    @Test
    void aServerAnsweringGarbageOr500IsNoAnswer() throws IOException {
        URI garbage = serve(200, "not json at all");
        assertThat(ClusterHealth.ask(garbage, "", Duration.ofSeconds(2))).isEmpty();
        stopServer();
        URI failing = serve(500, "{\"error\":\"boom\"}");
        assertThat(ClusterHealth.ask(failing, "", Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void nothingListeningIsNoAnswer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertThat(ClusterHealth.ask(URI.create("http://127.0.0.1:" + port), "", Duration.ofSeconds(2)))
                .isEmpty();
    }

    @Test
    void asksClusterHealthAndPassesTheQuery() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String seen = exchange.getRequestURI().toString();
            byte[] body = ("{\"cluster_name\":\"" + seen.replace("\"", "")
                            + "\",\"status\":\"green\",\"timed_out\":false}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        assertThat(ClusterHealth.ask(base, "?wait_for_status=yellow&timeout=5s", Duration.ofSeconds(2)))
                .get()
                .extracting(ClusterHealth::clusterName)
                .isEqualTo("/_cluster/health?wait_for_status=yellow&timeout=5s");
    }

    private URI serve(int status, String text) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
