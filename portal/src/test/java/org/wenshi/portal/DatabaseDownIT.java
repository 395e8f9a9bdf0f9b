package org.wenshi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The editors' database is unreachable (a closed port): readers search and read as ever, health stays
 * 200 with the database DEGRADED, and the editors' API answers 503 {@code database_unavailable} with
 * a message, never a 500 or a stack trace.
 */
class DatabaseDownIT extends PortalWithFixtures {

    @DynamicPropertySource
    static void closedDatabasePort(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int closed = port;
        registry.add("wenshi.db.url", () -> "jdbc:postgresql://127.0.0.1:" + closed + "/wenshi");
        registry.add("wenshi.db.user", () -> "wenshi");
        registry.add("wenshi.db.password", () -> "nothing-listens");
        registry.add("wenshi.db.timeout", () -> "2s");
    }

    @Test
    void readersAreUnaffectedAndEditorsGetA503() {
        http.get("/api/search?q=%E6%94%BF%E5%8D%8F").exchange().expectStatus().isOk();
        http.get("/").exchange().expectStatus().isOk();

        JsonNode health = PortalTestClient.json(http.get("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
        assertThat(health.path("components").path("database").path("status").asText())
                .isEqualTo("DEGRADED");
        assertThat(health.path("components")
                        .path("elasticsearch")
                        .path("status")
                        .asText())
                .isEqualTo("UP");
        assertThat(health.toString()).doesNotContain("nothing-listens");

        String basic =
                "Basic " + Base64.getEncoder().encodeToString("admin:whatever1".getBytes(StandardCharsets.UTF_8));
        byte[] body = http.get("/api/compilations")
                .header("Authorization", basic)
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .returnResult()
                .getResponseBody();
        JsonNode error = PortalTestClient.json(body);
        assertThat(error.path("error").path("code").asText()).isEqualTo("database_unavailable");
        assertThat(PortalTestClient.text(body)).doesNotContain("Exception", "at org.");
    }
}
