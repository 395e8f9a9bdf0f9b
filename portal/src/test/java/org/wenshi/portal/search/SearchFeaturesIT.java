package org.wenshi.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wenshi.portal.Fixtures;
import org.wenshi.portal.PortalTestClient;
import org.wenshi.portal.PortalWithFixtures;

/**
 * The search features beyond the contract's basics, against the real node: matching pages of
 * scans, reprint counts, the people and years-covered facets, searching within results, the
 * spelling suggestion and counts without filters for empty results, and {@code /api/suggest}.
 */
class SearchFeaturesIT extends PortalWithFixtures {

    @BeforeAll
    static void addScans() throws Exception {
        index.index(ScanFixtures.documents());
    }

    private JsonNode get(int status, String path, String... namesAndValues) {
        return PortalTestClient.json(http.get(PortalTestClient.query(path, namesAndValues))
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    private JsonNode search(String... namesAndValues) {
        return get(200, "/api/search", namesAndValues);
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.path("hits").forEach(h -> ids.add(h.path("id").asText()));
        return ids;
    }

    private static List<String> values(JsonNode result, String facet) {
        List<String> values = new ArrayList<>();
        result.path("facets")
                .path(facet)
                .forEach(v -> values.add(v.path("value").asText()));
        return values;
    }

    @Test
    void scannedDocumentShowsItsMatchingPagesAndItsReprintCount() {
        JsonNode r = search("q", "淮海战役");
        assertThat(ids(r)).containsExactly(ScanFixtures.SCAN);
        assertThat(r.path("total").asLong()).isEqualTo(1);
        JsonNode hit = r.path("hits").get(0);
        List<Integer> pages = new ArrayList<>();
        hit.path("pages").forEach(p -> pages.add(p.asInt()));
        assertThat(pages).containsExactlyInAnyOrder(2, 3);
        assertThat(hit.path("reprints").asLong()).isEqualTo(2);
        assertThat(search("q", "巴中 提案").path("hits").get(0).path("reprints").asLong())
                .isZero();
    }

    @Test
    void pageNumbersOnlyForTermsThePagesContain() {
        JsonNode hit = search("q", "\"担架队返回南阳\"").path("hits").get(0);
        assertThat(hit.path("id").asText()).isEqualTo(ScanFixtures.SCAN);
        assertThat(hit.path("pages")).extracting(JsonNode::asInt).containsExactly(3);
        assertThat(search("city", "南阳市").path("hits").findValues("pages"))
                .allSatisfy(p -> assertThat(p).isEmpty());
    }

    @Test
    void peopleAndYearsCoveredAreFacetsWithFilters() {
        JsonNode all = search();
        assertThat(values(all, "people")).containsExactly(ScanFixtures.PERSON);
        assertThat(values(all, "years_covered")).containsExactly("1947", "1948", "1949");
        assertThat(ids(search("people", ScanFixtures.PERSON))).containsExactly(ScanFixtures.SCAN);
        assertThat(ids(search("covered_from", "1940", "covered_to", "1947"))).containsExactly(ScanFixtures.SCAN);
        assertThat(search("covered_from", "1950").path("total").asLong()).isZero();
        // the publication year (1986) is another facet than the years the memoir is about
        assertThat(ids(search("year_from", "1980", "year_to", "1990")))
                .containsExactlyInAnyOrder(ScanFixtures.SCAN, Fixtures.NANYANG_WENSHI);
    }

    @Test
    void searchWithinResultsNarrowsToDocumentsMatchingBoth() {
        JsonNode proposals = search("q", "提案");
        JsonNode within = search("q", "巴中", "within", "提案");
        assertThat(ids(proposals)).hasSizeGreaterThan(1).contains(Fixtures.BAZHONG_PROPOSAL);
        assertThat(ids(within))
                .contains(Fixtures.BAZHONG_PROPOSAL)
                .doesNotContain(Fixtures.NANYANG_PROPOSAL, Fixtures.ZHENGZHOU_SIMPLIFIED)
                .isSubsetOf(ids(proposals));
    }

    @Test
    void emptyResultSuggestsTheSpellingAndCountsWithoutFilters() {
        JsonNode typo = search("q", "淮海战疫");
        assertThat(typo.path("total").asLong()).isZero();
        assertThat(typo.path("did_you_mean").asText()).isEqualTo("淮海战役");
        assertThat(ids(search("q", typo.path("did_you_mean").asText()))).containsExactly(ScanFixtures.SCAN);

        JsonNode filtered = search("q", "淮海战役", "city", "巴中市");
        assertThat(filtered.path("total").asLong()).isZero();
        assertThat(filtered.path("total_unfiltered").asLong()).isEqualTo(1);
        assertThat(search("q", "淮海战役").has("total_unfiltered")).isFalse();
        assertThat(search("q", "淮海战役").has("did_you_mean")).isFalse();
    }

    @Test
    void unknownFacetValueIsAnEmptyResultNotAnError() {
        JsonNode r = search("city", "不存在市", "theme", "<script>");
        assertThat(r.path("total").asLong()).isZero();
        assertThat(r.path("hits")).isEmpty();
    }

    @Test
    void suggestOffersTitlesPlacesPeopleAndThemes() {
        JsonNode place = get(200, "/api/suggest", "q", "南阳");
        assertThat(place.path("suggestions"))
                .extracting(JsonNode::asText)
                .contains("南阳市", ScanFixtures.TITLE, "南阳文史资料第三辑");
        assertThat(place.path("items").findValuesAsText("kind")).contains("place", "title");
        // the completion field folds traditional characters: 南陽 completes to the simplified title
        assertThat(get(200, "/api/suggest", "q", "南陽解放").path("suggestions"))
                .extracting(JsonNode::asText)
                .contains(ScanFixtures.TITLE);
        assertThat(get(200, "/api/suggest", "q", "李明").path("items").toString())
                .contains(ScanFixtures.PERSON)
                .contains("person");
        assertThat(get(200, "/api/suggest", "q", "文史").path("suggestions"))
                .extracting(JsonNode::asText)
                .contains("文史资料");
        assertThat(get(200, "/api/suggest", "q", "").path("suggestions")).isEmpty();
        assertThat(get(200, "/api/suggest", "q", "a.*(\"").path("suggestions").isArray())
                .isTrue();
        assertThat(get(400, "/api/suggest", "q", "政".repeat(101))
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("query_too_long");
    }
}
