package org.wenshi.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.wenshi.portal.Fixtures;
import org.wenshi.portal.PortalTestClient;
import org.wenshi.portal.PortalWithFixtures;

/**
 * The OpenAPI document the portal serves matches the portal: every documented path answers 200
 * with the parameters it documents as required (filled from the fixtures), and the fields it
 * documents as required are those {@code /api/search} and {@code /api/suggest} answer with.
 */
class OpenApiIT extends PortalWithFixtures {

    /** A request for each documented path; a new documented path fails the test until it gets one. */
    private static final Map<String, String> CALLS = Map.of(
            "/api/search", PortalTestClient.query("/api/search", "q", "政协", "city", "巴中市"),
            "/api/suggest", PortalTestClient.query("/api/suggest", "q", "南阳"),
            "/api/documents/{id}", "/api/documents/" + Fixtures.BAZHONG_PROPOSAL,
            "/api/documents", PortalTestClient.query("/api/documents", "url", "file:///data/nanyang/v3.pdf"),
            "/api/openapi.json", "/api/openapi.json",
            "/api/trends", PortalTestClient.query("/api/trends", "term", "政协", "by", "city"),
            "/api/trends.csv", PortalTestClient.query("/api/trends.csv", "term", "政协"),
            "/api/figures", PortalTestClient.query("/api/figures", "metric", "提案立案"),
            "/api/figures.csv", PortalTestClient.query("/api/figures.csv", "metric", "提案立案"));

    private JsonNode get(String uri) {
        return PortalTestClient.json(http.get(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    private JsonNode openApi() {
        return get("/api/openapi.json");
    }

    private static List<String> required(JsonNode spec, String schema) {
        List<String> names = new ArrayList<>();
        spec.path("components").path("schemas").path(schema).path("required").forEach(n -> names.add(n.asText()));
        assertThat(names).as("required fields of %s", schema).isNotEmpty();
        return names;
    }

    @Test
    void everyDocumentedPathAnswers() {
        JsonNode spec = openApi();
        assertThat(spec.path("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        List<String> signedIn = new ArrayList<>();
        spec.path("paths").fields().forEachRemaining(e -> {
            boolean secured = false;
            for (JsonNode operation : e.getValue()) {
                secured |= !operation.path("security").isEmpty();
            }
            (secured ? signedIn : paths).add(e.getKey());
        });
        assertThat(paths).containsExactlyInAnyOrderElementsOf(CALLS.keySet());
        // The editors' part (calls with their answers in CompilationsApiIT and AccountsSecurityIT): anonymous 401.
        assertThat(signedIn).contains("/api/compilations", "/api/compilations/{id}/export.docx", "/api/admin/users");
        org.springframework.test.web.reactive.server.WebTestClient anonymous =
                org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
                        .baseUrl("http://localhost:" + port)
                        .build();
        for (String path : signedIn) {
            String uri = path.replace("{id}", "1").replace("{username}", "admin");
            JsonNode pathItem = spec.path("paths").path(path);
            org.springframework.http.HttpMethod method = pathItem.has("get")
                    ? org.springframework.http.HttpMethod.GET
                    : pathItem.has("post")
                            ? org.springframework.http.HttpMethod.POST
                            : org.springframework.http.HttpMethod.PUT;
            org.springframework.test.web.reactive.server.WebTestClient.RequestBodySpec call =
                    anonymous.method(method).uri(uri);
            (method == org.springframework.http.HttpMethod.GET
                            ? call
                            : call.contentType(MediaType.APPLICATION_JSON).bodyValue("{}"))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
        for (String path : paths) {
            if (path.endsWith(".csv")) {
                String csv = PortalTestClient.text(http.get(CALLS.get(path))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .contentTypeCompatibleWith(new MediaType("text", "csv"))
                        .expectBody()
                        .returnResult()
                        .getResponseBody());
                assertThat(csv).as(path).contains(",");
                continue;
            }
            JsonNode answer = get(CALLS.get(path));
            assertThat(answer.isObject()).as(path).isTrue();
        }
    }

    @Test
    void documentedSearchFieldsAreTheAnswersFields() {
        JsonNode spec = openApi();
        JsonNode result = get(CALLS.get("/api/search"));
        assertThat(result.fieldNames()).toIterable().containsAll(required(spec, "SearchResult"));
        JsonNode hit = result.path("hits").get(0);
        assertThat(hit.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(required(spec, "Hit"));
        List<String> documentedFacets = new ArrayList<>();
        spec.path("components")
                .path("schemas")
                .path("SearchResult")
                .path("properties")
                .path("facets")
                .path("required")
                .forEach(n -> documentedFacets.add(n.asText()));
        assertThat(result.path("facets").fieldNames()).toIterable().containsExactlyElementsOf(documentedFacets);
        List<String> documentedParameters = new ArrayList<>();
        spec.path("paths")
                .path("/api/search")
                .path("get")
                .path("parameters")
                .forEach(p -> documentedParameters.add(p.path("name").asText()));
        for (Facet facet : Facet.values()) {
            if (facet.ranged()) {
                assertThat(documentedParameters).contains(facet.fromParameter(), facet.toParameter());
            } else {
                assertThat(documentedParameters).contains(facet.key());
            }
        }
        JsonNode trends = get(CALLS.get("/api/trends"));
        assertThat(trends.fieldNames()).toIterable().containsAll(required(spec, "TrendResult"));
        JsonNode series = trends.path("series").get(0);
        assertThat(series.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(required(spec, "TrendSeries"));
        assertThat(series.path("points").get(0).fieldNames())
                .toIterable()
                .containsAll(required(spec, "TrendPoint"))
                .contains("place");
        JsonNode figures = get(CALLS.get("/api/figures"));
        assertThat(figures.fieldNames()).toIterable().containsAll(required(spec, "FigureResult"));
        JsonNode suggestions = get(CALLS.get("/api/suggest"));
        assertThat(suggestions.fieldNames()).toIterable().containsExactlyElementsOf(required(spec, "Suggestions"));
    }
}
