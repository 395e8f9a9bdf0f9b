package org.wenshi.portal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.wenshi.portal.system.ApiException;

class SearchCriteriaTest {

    private static MultiValueMap<String, String> params(String... pairs) {
        MultiValueMap<String, String> map = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void defaultsToFirstPageOfTwentyByRelevance() {
        SearchCriteria c = SearchCriteria.from(params());
        assertThat(c.q()).isEmpty();
        assertThat(c.query().isEmpty()).isTrue();
        assertThat(c.page()).isEqualTo(1);
        assertThat(c.size()).isEqualTo(20);
        assertThat(c.sort()).isEqualTo(SortOrder.RELEVANCE);
        assertThat(c.filters()).isEmpty();
        assertThat(c.yearFrom()).isNull();
    }

    @Test
    void readsEveryParameter() {
        SearchCriteria c = SearchCriteria.from(params(
                "q",
                "政协",
                "province",
                "四川省",
                "city",
                "巴中市",
                "city",
                "南阳市",
                "county",
                "南江县",
                "theme",
                "协商",
                "type",
                "提案",
                "source",
                "政协网",
                "year_from",
                "1950",
                "year_to",
                "２０２４",
                "sort",
                "newest",
                "page",
                "2",
                "size",
                "100",
                "lang",
                "en",
                "utm_source",
                "x"));
        assertThat(c.values(Facet.CITY)).containsExactly("巴中市", "南阳市");
        assertThat(c.values(Facet.PROVINCE)).containsExactly("四川省");
        assertThat(c.values(Facet.THEME)).containsExactly("协商");
        assertThat(c.values(Facet.SOURCE)).containsExactly("政协网");
        assertThat(c.yearFrom()).isEqualTo(1950);
        assertThat(c.yearTo()).isEqualTo(2024);
        assertThat(c.sort()).isEqualTo(SortOrder.NEWEST);
        assertThat(c.from()).isEqualTo(100);
    }

    @Test
    void emptyValuesAsFormsSendThemCountAsAbsent() {
        SearchCriteria c = SearchCriteria.from(
                params("q", "", "city", "", "city", "  ", "year_from", "", "page", "", "size", "", "sort", ""));
        assertThat(c.filters()).isEmpty();
        assertThat(c.yearFrom()).isNull();
        assertThat(c.page()).isEqualTo(1);
    }

    @Test
    void repeatedFacetValuesAreKeptOnce() {
        assertThat(SearchCriteria.from(params("city", "巴中市", "city", " 巴中市 ")).values(Facet.CITY))
                .containsExactly("巴中市");
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource({
        "page, 0, invalid_page",
        "page, -1, invalid_page",
        "page, abc, invalid_page",
        "page, 1.5, invalid_page",
        "page, 99999999999, invalid_page",
        "page, 501, page_out_of_range",
        "size, 0, invalid_size",
        "size, 101, invalid_size",
        "size, abc, invalid_size",
        "size, 2e1, invalid_size",
        "year_from, 19x0, invalid_year",
        "year_to, 0, invalid_year",
        "year_to, 10000, invalid_year",
        "sort, foo, invalid_sort",
        "sort, NEWEST, invalid_sort",
    })
    void rejectsBadValueWith400AndCode(String name, String value, String code) {
        assertThatThrownBy(() -> SearchCriteria.from(params(name, value)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @Test
    void rejectsYearRangeBackwards() {
        assertThatThrownBy(() -> SearchCriteria.from(params("year_from", "2024", "year_to", "1990")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_year_range"));
        assertThat(SearchCriteria.from(params("year_from", "1990", "year_to", "1990"))
                        .yearTo())
                .isEqualTo(1990);
    }

    @Test
    void rejectsQueryLongerThanLimit() {
        String ok = "政".repeat(SearchCriteria.MAX_QUERY_LENGTH);
        assertThat(SearchCriteria.from(params("q", ok)).q()).hasSize(SearchCriteria.MAX_QUERY_LENGTH);
        assertThatThrownBy(() -> SearchCriteria.from(params("q", ok + "协")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("query_too_long"));
        assertThatThrownBy(() -> SearchCriteria.from(params("q", "x".repeat(10_240))))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("query_too_long"));
    }

    @Test
    void countsEmojiAsOneCharacterTowardsTheLimit() {
        String emoji = "😀".repeat(SearchCriteria.MAX_QUERY_LENGTH);
        assertThat(SearchCriteria.from(params("q", emoji)).query().isEmpty()).isTrue();
    }

    @Test
    void rejectsTooManyTerms() {
        String many = "词 ".repeat(SearchCriteria.MAX_TERMS + 1);
        assertThatThrownBy(() -> SearchCriteria.from(params("q", many)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("query_too_complex"));
    }

    @Test
    void rejectsMalformedFacetValues() {
        assertThatThrownBy(() -> SearchCriteria.from(params("city", "巴中市\u0000")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_parameter"));
        assertThatThrownBy(() -> SearchCriteria.from(params("city", "市".repeat(201))))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_parameter"));
        MultiValueMap<String, String> tooMany = new LinkedMultiValueMap<>();
        for (int i = 0; i <= SearchCriteria.MAX_VALUES_PER_FACET; i++) {
            tooMany.add("theme", "主题" + i);
        }
        assertThatThrownBy(() -> SearchCriteria.from(tooMany))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_parameter"));
    }

    @Test
    void rejectsScalarParameterGivenTwiceWithDifferentValues() {
        assertThatThrownBy(() -> SearchCriteria.from(params("page", "1", "page", "2")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_parameter"));
        assertThat(SearchCriteria.from(params("q", "政协", "q", "政协")).q()).isEqualTo("政协");
    }

    @Test
    void parametersRoundTripWithoutDefaults() {
        SearchCriteria c = SearchCriteria.from(
                params("q", "政协 提案", "city", "巴中市", "year_from", "2000", "sort", "newest", "page", "3"));
        assertThat(SearchCriteria.from(c.toParameters())).isEqualTo(c);
        assertThat(SearchCriteria.browseAll().toParameters()).isEmpty();
    }

    @Test
    void togglingAFacetValueAddsThenRemovesItAndReturnsToPageOne() {
        SearchCriteria c = SearchCriteria.from(params("city", "巴中市", "page", "4"));
        SearchCriteria added = c.withToggled(Facet.CITY, "南阳市");
        assertThat(added.values(Facet.CITY)).containsExactly("巴中市", "南阳市");
        assertThat(added.page()).isEqualTo(1);
        assertThat(added.withToggled(Facet.CITY, "巴中市")
                        .withToggled(Facet.CITY, "南阳市")
                        .filters())
                .isEmpty();
    }
}
