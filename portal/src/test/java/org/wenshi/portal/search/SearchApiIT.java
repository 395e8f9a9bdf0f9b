package org.wenshi.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.wenshi.portal.Fixtures;
import org.wenshi.portal.PortalTestClient;
import org.wenshi.portal.PortalWithFixtures;

/** {@code GET /api/search} against the build's real Elasticsearch node, fixture index of its own. */
class SearchApiIT extends PortalWithFixtures {

    /** A search with an already encoded query string. */
    private JsonNode search(String query) {
        byte[] body = http.get("/api/search?" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .returnResult()
                .getResponseBody();
        return PortalTestClient.json(body);
    }

    /** A search with plain parameter names and values. */
    private JsonNode searchWith(String... namesAndValues) {
        byte[] body = http.get(PortalTestClient.query("/api/search", namesAndValues))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return PortalTestClient.json(body);
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.path("hits").forEach(h -> ids.add(h.path("id").asText()));
        return ids;
    }

    private static long count(JsonNode result, String facet, String value) {
        for (JsonNode v : result.path("facets").path(facet)) {
            if (v.path("value").asText().equals(value)) {
                return v.path("count").asLong();
            }
        }
        return 0;
    }

    @Test
    void answersWithEveryFieldOfTheContract() {
        JsonNode r = searchWith("q", "巴中 提案");
        assertThat(r.fieldNames()).toIterable().containsExactly("total", "took_ms", "page", "size", "hits", "facets");
        assertThat(r.path("page").asInt()).isEqualTo(1);
        assertThat(r.path("size").asInt()).isEqualTo(20);
        assertThat(r.path("took_ms").isIntegralNumber()).isTrue();
        JsonNode hit = r.path("hits").get(0);
        assertThat(hit.fieldNames())
                .toIterable()
                .containsExactly(
                        "id",
                        "title",
                        "date",
                        "year",
                        "province",
                        "city",
                        "county",
                        "themes",
                        "type",
                        "source",
                        "url",
                        "snippets",
                        "pages",
                        "reprints");
        assertThat(hit.path("id").asText()).isEqualTo(Fixtures.BAZHONG_PROPOSAL);
        assertThat(hit.path("date").asText()).isEqualTo("2023-03-01");
        assertThat(hit.path("year").asInt()).isEqualTo(2023);
        assertThat(hit.path("province").asText()).isEqualTo("四川省");
        assertThat(hit.path("city").asText()).isEqualTo("巴中市");
        assertThat(hit.path("county").asText()).isEqualTo("南江县");
        assertThat(hit.path("themes")).extracting(JsonNode::asText).containsExactly("文史资料", "协商议政");
        assertThat(hit.path("type").asText()).isEqualTo("提案");
        assertThat(hit.path("url").asText()).startsWith("https://");
        assertThat(hit.path("snippets").get(0).asText()).contains("<mark>");
        assertThat(r.path("facets").fieldNames())
                .toIterable()
                .containsExactly(
                        "province", "city", "county", "year", "theme", "type", "source", "people", "years_covered");
    }

    @Test
    void findsPoliticalConsultationDocumentsWithCityFacet() {
        JsonNode r = searchWith("q", "政协");
        assertThat(r.path("total").asLong()).isPositive();
        assertThat(r.path("facets").path("city")).isNotEmpty();
        assertThat(r.path("facets").path("city").get(0).fieldNames())
                .toIterable()
                .containsExactly("value", "count");
    }

    @Test
    void answersARequestLineWithRawUtf8AsCurlSendsIt() throws Exception {
        String raw = rawGet("/api/search?q=政协");
        assertThat(raw.lines().findFirst().orElse("")).contains(" 200 ");
        JsonNode r =
                PortalTestClient.json(raw.substring(raw.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.UTF_8));
        assertThat(r.path("total").asLong())
                .isEqualTo(searchWith("q", "政协").path("total").asLong())
                .isPositive();
        assertThat(r.path("facets").path("city")).isNotEmpty();
        String page = rawGet("/search?q=政協");
        assertThat(page.lines().findFirst().orElse("")).contains(" 200 ");
        assertThat(page).contains("<mark>");
    }

    /**
     * Sends the request line's target as raw UTF-8 bytes, unencoded, the way curl sends a typed URL
     * (HTTP/1.0, so the answer is not chunked and reads to the end).
     */
    private String rawGet(String target) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.0\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void totalIsAllMatchesNotThePage() {
        JsonNode r = search("size=2");
        assertThat(r.path("total").asLong()).isEqualTo(Fixtures.documents().size());
        assertThat(r.path("hits")).hasSize(2);
        JsonNode page5 = search("size=2&page=5");
        assertThat(page5.path("hits")).hasSize(1);
        assertThat(page5.path("page").asInt()).isEqualTo(5);
    }

    @Test
    void valuesOfOneFacetAreOredAndFacetsAreAnded() {
        assertThat(searchWith("city", "巴中市").path("total").asLong()).isEqualTo(2);
        assertThat(searchWith("city", "巴中市", "city", "南阳市").path("total").asLong())
                .isEqualTo(4);
        JsonNode both = searchWith("city", "巴中市", "city", "南阳市", "type", "提案");
        assertThat(both.path("total").asLong()).isEqualTo(2);
        assertThat(ids(both)).containsExactlyInAnyOrder(Fixtures.BAZHONG_PROPOSAL, Fixtures.NANYANG_PROPOSAL);
    }

    @Test
    void selectingAValueKeepsTheOtherValuesOfItsFacet() {
        JsonNode r = searchWith("city", "巴中市", "type", "提案");
        assertThat(r.path("total").asLong()).isEqualTo(1);
        // city counted under type=提案 only
        assertThat(count(r, "city", "巴中市")).isEqualTo(1);
        assertThat(count(r, "city", "南阳市")).isEqualTo(1);
        assertThat(count(r, "city", "郑州市")).isEqualTo(1);
        // type counted under city=巴中市 only
        assertThat(count(r, "type", "提案")).isEqualTo(1);
        assertThat(count(r, "type", "工作报告")).isEqualTo(1);
        assertThat(count(r, "type", "文史资料")).isZero();
        // other facets under both
        assertThat(count(r, "province", "四川省")).isEqualTo(1);
        assertThat(count(r, "province", "河南省")).isZero();
    }

    @Test
    void yearFacetIsOrderedByYearAndRangeFilters() {
        JsonNode all = search("");
        List<Integer> years = new ArrayList<>();
        all.path("facets").path("year").forEach(v -> years.add(v.path("value").asInt()));
        assertThat(years).isSorted().contains(1955, 1987, 2024);
        JsonNode range = search("year_from=2020&year_to=2023");
        assertThat(ids(range))
                .containsExactlyInAnyOrder(
                        Fixtures.HALF_WIDTH,
                        Fixtures.ZHENGZHOU_SIMPLIFIED,
                        Fixtures.NANYANG_PROPOSAL,
                        Fixtures.BAZHONG_PROPOSAL);
        assertThat(range.path("facets").path("year")).hasSizeGreaterThan(4);
    }

    @Test
    void sortsByDate() {
        assertThat(ids(search("sort=oldest&size=2")))
                .containsExactly(Fixtures.ZHENGZHOU_TRADITIONAL, Fixtures.NANYANG_WENSHI);
        assertThat(ids(search("sort=newest&size=1"))).containsExactly(Fixtures.BAZHONG_REPORT);
    }

    @Test
    void traditionalAndSimplifiedQueriesFindEachOther() {
        JsonNode simplified = searchWith("q", "郑州市委员会");
        JsonNode traditional = searchWith("q", "鄭州市委員會");
        assertThat(ids(simplified)).contains(Fixtures.ZHENGZHOU_SIMPLIFIED, Fixtures.ZHENGZHOU_TRADITIONAL);
        assertThat(traditional.path("total").asLong())
                .isEqualTo(simplified.path("total").asLong());
        assertThat(ids(traditional)).containsExactlyInAnyOrderElementsOf(ids(simplified));
        assertThat(ids(simplified)).doesNotContain(Fixtures.BAZHONG_PROPOSAL);
    }

    @Test
    void fullWidthQueryFindsHalfWidthText() {
        JsonNode r = searchWith("q", "ＡＢＣ１２３");
        assertThat(ids(r)).containsExactly(Fixtures.HALF_WIDTH);
        assertThat(r.path("hits").get(0).path("snippets").get(0).asText()).contains("<mark>ABC123</mark>");
    }

    @Test
    void exactPhraseDoesNotMatchScatteredCharacters() {
        JsonNode r = searchWith("q", "\"有事好商量\"");
        assertThat(ids(r)).containsExactly(Fixtures.ZHENGZHOU_SIMPLIFIED);
        assertThat(r.path("hits").get(0).path("snippets").toString()).contains("<mark>有事好商量</mark>");
    }

    @Test
    void exclusionAndAlternatives() {
        JsonNode proposals = searchWith("q", "提案 -巴中");
        assertThat(ids(proposals))
                .contains(Fixtures.NANYANG_PROPOSAL)
                .doesNotContain(Fixtures.BAZHONG_PROPOSAL, Fixtures.BAZHONG_REPORT);
        JsonNode either = searchWith("q", "\"古城历史街区\" OR \"城市更新\"");
        assertThat(ids(either)).containsExactlyInAnyOrder(Fixtures.NANYANG_PROPOSAL, Fixtures.ZHENGZHOU_SIMPLIFIED);
        JsonNode title = searchWith("q", "title:工作报告");
        assertThat(ids(title)).containsExactly(Fixtures.BAZHONG_REPORT);
    }

    @Test
    void longNaturalLanguageQueryStillFindsTheDocument() {
        JsonNode r = searchWith("q", "巴中市政协的文史资料委员会有没有提出征集三亲史料的提案");
        assertThat(ids(r)).first().isEqualTo(Fixtures.BAZHONG_PROPOSAL);
    }

    @Test
    void snippetsAreEscapedTextWithOnlyMarkAsMarkup() {
        JsonNode r = searchWith("q", "script");
        assertThat(ids(r)).containsExactly(Fixtures.SCRIPT);
        String snippets = r.path("hits").get(0).path("snippets").toString();
        assertThat(snippets).contains("&lt;").contains("<mark>script</mark>").doesNotContain("<script");

        JsonNode browse = search("size=100");
        for (JsonNode hit : browse.path("hits")) {
            for (JsonNode snippet : hit.path("snippets")) {
                String withoutMarks = snippet.asText().replace("<mark>", "").replace("</mark>", "");
                assertThat(withoutMarks).doesNotContain("<", ">");
            }
            assertThat(hit.path("snippets")).as("snippet of %s", hit.path("id")).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "q=%22",
                "q=OR",
                "q=OR%20OR%20-",
                "q=---",
                "q=%F0%9F%98%80",
                "q=%00%01",
                "q=title:",
                "q=*:*",
                "q=%5C",
                "q=a:(b%20OR%20c)",
                "q=%EF%BF%BD"
            })
    void hostileQueriesAnswerNormally(String query) {
        JsonNode r = search(query);
        assertThat(r.path("total").isIntegralNumber()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "page=0",
                "page=-1",
                "size=101",
                "size=0",
                "size=abc",
                "year_from=2024&year_to=1990",
                "covered_from=1950&covered_to=1940",
                "covered_from=abc",
                "within=a&within=b&within=c&within=d&within=e&within=f",
                "sort=foo",
                "year_from=abc",
                "page=99999",
                "page=1&page=2",
                "city=%00"
            })
    void badParametersAre400WithCodeAndMessage(String query) {
        byte[] body = http.get("/api/search?" + query)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .returnResult()
                .getResponseBody();
        JsonNode error = PortalTestClient.json(body).path("error");
        assertThat(error.path("code").asText()).isNotBlank();
        assertThat(error.path("message").asText())
                .isNotBlank()
                .doesNotContain("Exception")
                .doesNotContain("at org.");
        assertThat(PortalTestClient.json(body).fieldNames()).toIterable().containsExactly("error");
    }

    @Test
    void overLongQueryIs400() {
        byte[] body = http.get(PortalTestClient.query("/api/search", "q", "政".repeat(1001)))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(PortalTestClient.json(body).path("error").path("code").asText())
                .isEqualTo("query_too_long");
        byte[] tenKilobytes = http.get("/api/search?q=" + "x".repeat(10_240))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(PortalTestClient.json(tenKilobytes)
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("query_too_long");
    }

    @Test
    void unknownApiPathAndWrongMethodAnswerInTheErrorShape() {
        byte[] notFound = http.get("/api/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(PortalTestClient.json(notFound).path("error").path("code").asText())
                .isEqualTo("not_found");
        byte[] wrongMethod = http.post()
                .uri("/api/search")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(PortalTestClient.json(wrongMethod).path("error").path("code").asText())
                .isEqualTo("method_not_allowed");
        byte[] notFoundPage = http.get("/no/such/page")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(PortalTestClient.json(notFoundPage)
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("not_found");
    }
}
