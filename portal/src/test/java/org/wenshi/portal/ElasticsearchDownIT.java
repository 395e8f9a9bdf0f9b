package org.wenshi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal pointed at a port where nothing listens: it must start anyway, answer 503 in the error
 * shape on the API, a friendly page with 503 to browsers, and report DOWN on health.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ElasticsearchDownIT {

    @LocalServerPort
    private int port;

    private PortalTestClient http;

    @DynamicPropertySource
    static void closedPort(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed;
        registry.add("wenshi.es-url", () -> url);
        registry.add("wenshi.index", () -> "it-portal-down");
        registry.add("wenshi.es-timeout", () -> "5s");
    }

    @BeforeEach
    void client() {
        http = new PortalTestClient(port);
    }

    private JsonNode error(String uri) {
        byte[] body = http.get(uri)
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .returnResult()
                .getResponseBody();
        return PortalTestClient.json(body).path("error");
    }

    @Test
    void apiAnswers503InTheErrorShape() {
        JsonNode search = error("/api/search?q=%E6%94%BF%E5%8D%8F");
        assertThat(search.path("code").asText()).isEqualTo("search_unavailable");
        assertThat(search.path("message").asText())
                .isNotBlank()
                .doesNotContain("127.0.0.1")
                .doesNotContain("Exception");
        assertThat(error("/api/documents/any").path("code").asText()).isEqualTo("search_unavailable");
    }

    @Test
    void badParametersAreStill400() {
        http.get("/api/search?size=101").exchange().expectStatus().isBadRequest();
    }

    @Test
    void pagesShowAFriendlyMessageWith503() {
        String page = new String(
                http.get("/search?q=%E6%94%BF%E5%8D%8F")
                        .accept(MediaType.TEXT_HTML)
                        .exchange()
                        .expectStatus()
                        .isEqualTo(503)
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(page).contains("检索服务暂时不可用").contains("name=\"q\"").doesNotContain("Exception");
        String doc = new String(
                http.get("/doc/any")
                        .accept(MediaType.TEXT_HTML)
                        .exchange()
                        .expectStatus()
                        .isEqualTo(503)
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(doc).contains("检索服务暂时不可用");
        http.get("/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
    }

    @Test
    void healthIsDown() {
        JsonNode health = PortalTestClient.json(http.get("/actuator/health")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .returnResult()
                .getResponseBody());
        assertThat(health.path("status").asText()).isEqualTo("DOWN");
        assertThat(health.path("components")
                        .path("elasticsearch")
                        .path("status")
                        .asText())
                .isEqualTo("DOWN");
    }
}
