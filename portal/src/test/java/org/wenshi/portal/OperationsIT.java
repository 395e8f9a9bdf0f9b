package org.wenshi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Documents API, health and metrics against the real node. */
class OperationsIT extends PortalWithFixtures {

    private JsonNode get(String uri, int status) {
        return PortalTestClient.json(http.get(uri)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    @Test
    void documentByIdHasTheHitFieldsAndTheWholeText() {
        JsonNode doc = get("/api/documents/" + Fixtures.BAZHONG_PROPOSAL, 200);
        assertThat(doc.path("id").asText()).isEqualTo(Fixtures.BAZHONG_PROPOSAL);
        assertThat(doc.path("title").asText()).isEqualTo("政协巴中市委员会关于加强文史资料征集的提案");
        assertThat(doc.path("text").asText()).startsWith("政协巴中市委员会文史资料委员会提出提案");
        assertThat(doc.path("city").asText()).isEqualTo("巴中市");
        assertThat(doc.path("themes")).hasSize(2);
        assertThat(doc.has("snippets")).isFalse();
        for (String list : new String[] {"people", "years_covered", "key_figures", "pages", "duplicates", "similar"}) {
            assertThat(doc.path(list).isArray()).as(list).isTrue();
        }
        assertThat(doc.path("citation").path("gbt7714").asText()).contains("[EB/OL]");
        assertThat(doc.path("similar").toString()).doesNotContain(Fixtures.BAZHONG_PROPOSAL + "\"");
    }

    @Test
    void documentByUrlIsTheSameDocument() {
        JsonNode doc = get(PortalTestClient.query("/api/documents", "url", "file:///data/nanyang/v3.pdf"), 200);
        assertThat(doc.path("id").asText()).isEqualTo(Fixtures.NANYANG_WENSHI);
        assertThat(get("/api/documents/" + Fixtures.NANYANG_WENSHI, 200).path("text"))
                .isEqualTo(doc.path("text"));
    }

    @Test
    void unknownDocumentIs404AndMissingUrlIs400() {
        assertThat(get("/api/documents/no-such-id", 404)
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("document_not_found");
        assertThat(get(PortalTestClient.query("/api/documents", "url", "https://nowhere.example/"), 404)
                        .path("error")
                        .path("message")
                        .asText())
                .isNotBlank();
        assertThat(get("/api/documents", 400).path("error").path("code").asText())
                .isEqualTo("missing_parameter");
    }

    @Test
    void healthIncludesElasticsearch() throws InterruptedException {
        JsonNode health = get("/actuator/health", 200);
        // The database comes up in the background (DEGRADED until then, still 200): wait for it.
        for (int i = 0; i < 300 && !"UP".equals(health.path("status").asText()); i++) {
            Thread.sleep(200);
            health = get("/actuator/health", 200);
        }
        assertThat(health.path("components").path("database").path("status").asText())
                .isEqualTo("UP");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components")
                        .path("elasticsearch")
                        .path("status")
                        .asText())
                .isEqualTo("UP");
        assertThat(health.path("components")
                        .path("elasticsearch")
                        .path("details")
                        .path("index")
                        .asText())
                .isEqualTo(index.alias());
    }

    @Test
    void prometheusShowsSearchTimerElasticsearchTimerAndErrors() {
        http.get("/api/search?q=%E6%94%BF%E5%8D%8F").exchange().expectStatus().isOk();
        http.get("/api/search?page=0").exchange().expectStatus().isBadRequest();
        String metrics = new String(
                http.get("/actuator/prometheus")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(metrics)
                .contains("wenshi_search_seconds_count")
                .contains("wenshi_search_seconds_bucket")
                .contains("wenshi_elasticsearch_seconds_count{")
                .containsPattern("wenshi_errors_total\\{.*code=\"invalid_page\".*endpoint=\"/api/search\"");
    }
}
