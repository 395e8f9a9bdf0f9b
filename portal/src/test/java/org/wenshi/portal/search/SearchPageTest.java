package org.wenshi.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.wenshi.portal.search.SearchPage.FacetGroup;
import org.wenshi.portal.search.SearchPage.FacetLink;
import org.wenshi.portal.search.SearchResult.FacetValue;

class SearchPageTest {

    private static SearchCriteria criteria(String... pairs) {
        MultiValueMap<String, String> map = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return SearchCriteria.from(map);
    }

    private static SearchResult result(long total, int page, Map<String, List<FacetValue>> facets) {
        return new SearchResult(total, 3, page, 20, List.of(), facets);
    }

    /** Parses a link the way the server does: percent-decoding, '+' as a space. */
    private static SearchCriteria follow(String href) {
        MultiValueMap<String, String> raw =
                UriComponentsBuilder.fromUri(URI.create(href)).build().getQueryParams();
        MultiValueMap<String, String> decoded = new LinkedMultiValueMap<>();
        raw.forEach((k, vs) -> vs.forEach(v -> decoded.add(
                java.net.URLDecoder.decode(k, java.nio.charset.StandardCharsets.UTF_8),
                java.net.URLDecoder.decode(v, java.nio.charset.StandardCharsets.UTF_8))));
        return SearchCriteria.from(decoded);
    }

    private static FacetGroup group(SearchPage page, String key) {
        return page.facets().stream()
                .filter(g -> g.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void facetLinksAddAndRemoveValuesLikeCheckboxes() {
        SearchCriteria c = criteria("q", "政协 C++ & \"有事好商量\"", "city", "巴中市");
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        facets.put("city", List.of(new FacetValue("巴中市", 3), new FacetValue("南阳市", 2)));
        facets.put("year", List.of(new FacetValue(2023L, 1), new FacetValue(2024L, 4)));
        SearchPage page = SearchPage.of(c, result(3, 1, facets));

        List<FacetLink> cities = group(page, "city").values();
        assertThat(cities).extracting(FacetLink::label).containsExactly("巴中市", "南阳市");
        assertThat(cities).extracting(FacetLink::selected).containsExactly(true, false);
        assertThat(follow(cities.get(0).href()).values(Facet.CITY)).isEmpty();
        assertThat(follow(cities.get(1).href()).values(Facet.CITY)).containsExactly("巴中市", "南阳市");
        assertThat(follow(cities.get(1).href()).q()).isEqualTo("政协 C++ & \"有事好商量\"");

        FacetLink year2024 = group(page, "year").values().get(1);
        assertThat(follow(year2024.href()).yearFrom()).isEqualTo(2024);
        assertThat(follow(year2024.href()).yearTo()).isEqualTo(2024);
    }

    @Test
    void selectedValueWithoutCountsStaysRemovable() {
        SearchPage page = SearchPage.of(criteria("city", "不存在市"), result(0, 1, Map.of()));
        assertThat(group(page, "city").values())
                .extracting(FacetLink::label, FacetLink::count, FacetLink::selected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("不存在市", 0L, true));
    }

    @Test
    void chipsRemoveOneFilterEach() {
        SearchPage page = SearchPage.of(
                criteria("city", "巴中市", "type", "提案", "year_from", "2000", "year_to", "2010"), result(5, 1, Map.of()));
        assertThat(page.chips()).extracting(SearchPage.Chip::facet).containsExactly("city", "type", "year");
        assertThat(page.chips().get(2).label()).isEqualTo("2000–2010");
        SearchCriteria withoutCity = follow(page.chips().get(0).removeHref());
        assertThat(withoutCity.values(Facet.CITY)).isEmpty();
        assertThat(withoutCity.values(Facet.TYPE)).containsExactly("提案");
        assertThat(follow(page.clearFilters()).filters()).isEmpty();
        assertThat(page.hiddenFilters()).extracting(SearchPage.Param::name).containsExactly("city", "type");
    }

    @Test
    void pageLinksShowAWindowWithFirstAndLast() {
        SearchPage page = SearchPage.of(criteria("q", "政协", "page", "10"), result(1_000, 10, Map.of()));
        assertThat(page.pages())
                .extracting(SearchPage.PageLink::number)
                .containsExactly(1, null, 7, 8, 9, 10, 11, 12, 13, null, 50);
        assertThat(follow(page.previous()).page()).isEqualTo(9);
        assertThat(follow(page.next()).page()).isEqualTo(11);
        assertThat(page.pages().stream().filter(SearchPage.PageLink::current).toList())
                .hasSize(1);
    }

    @Test
    void pagingStopsAtTheResultWindow() {
        SearchPage page = SearchPage.of(criteria("page", "500"), result(1_000_000, 500, Map.of()));
        assertThat(page.next()).isNull();
    }

    @Test
    void placeTreeOpensTheBranchesHoldingASelectedPlace() {
        List<SearchResult.PlaceNode> tree = List.of(
                new SearchResult.PlaceNode(
                        "河南省",
                        5,
                        List.of(
                                new SearchResult.PlaceNode("南阳市", 2, List.of()),
                                new SearchResult.PlaceNode("郑州市", 3, List.of()))),
                new SearchResult.PlaceNode(
                        "四川省",
                        2,
                        List.of(new SearchResult.PlaceNode(
                                "巴中市", 2, List.of(new SearchResult.PlaceNode("南江县", 1, List.of()))))));
        List<SearchPage.PlaceLink> links = SearchPage.placeTree(criteria("city", "南阳市"), tree);
        assertThat(links).extracting(SearchPage.PlaceLink::label).containsExactly("河南省", "四川省");
        assertThat(links.get(0).children())
                .extracting(SearchPage.PlaceLink::label)
                .containsExactly("南阳市", "郑州市");
        assertThat(links.get(0).children().get(0).selected()).isTrue();
        assertThat(links.get(1).children()).isEmpty();
        assertThat(follow(links.get(0).children().get(1).href()).values(Facet.CITY))
                .containsExactly("南阳市", "郑州市");
        // a selected place the counts no longer list stays, removable
        List<SearchPage.PlaceLink> missing = SearchPage.placeTree(criteria("county", "不存在县"), tree);
        assertThat(missing.get(missing.size() - 1).label()).isEqualTo("不存在县");
        assertThat(follow(missing.get(missing.size() - 1).href()).values(Facet.COUNTY))
                .isEmpty();
    }

    @Test
    void histogramShowsDecadesWhenTheYearsSpanMoreThanFortyAndBarsSelectTheirRange() {
        List<FacetValue> years = List.of(new FacetValue(1937L, 1), new FacetValue(1938L, 2), new FacetValue(2024L, 4));
        SearchPage.Histogram h = SearchPage.histogram(Facet.YEAR, criteria(), years);
        assertThat(h.bars()).extracting(SearchPage.Bar::label).containsExactly("1930–1939", "2020–2029");
        assertThat(h.bars()).extracting(SearchPage.Bar::count).containsExactly(3L, 4L);
        assertThat(h.bars().get(1).height()).isEqualTo(100);
        SearchCriteria decade = follow(h.bars().get(0).href());
        assertThat(decade.yearFrom()).isEqualTo(1930);
        assertThat(decade.yearTo()).isEqualTo(1939);
        SearchPage.Histogram covered = SearchPage.histogram(
                Facet.COVERED, criteria("covered_from", "1937", "covered_to", "1937"), years.subList(0, 2));
        assertThat(covered.bars()).extracting(SearchPage.Bar::label).containsExactly("1937", "1938");
        assertThat(covered.bars().get(0).selected()).isTrue();
        assertThat(follow(covered.bars().get(0).href()).filters(Facet.COVERED)).isFalse();
    }
}
