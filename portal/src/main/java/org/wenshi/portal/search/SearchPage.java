package org.wenshi.portal.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.util.MultiValueMap;
import org.wenshi.portal.search.SearchResult.FacetValue;

/**
 * What the results page shows, with every link already built: facet values that add or remove
 * themselves from the search (several values of one facet at once, like checkboxes), removable
 * chips for the active filters, sort options and page links. Built here rather than in the
 * template so that links are encoded once, correctly, and the page needs no JavaScript.
 *
 * @param q             the query text, for the search box
 * @param sort          the current sort parameter
 * @param yearFrom      for the year inputs, {@code ""} when not set
 * @param yearTo        for the year inputs, {@code ""} when not set
 * @param hiddenFilters facet selections the search form carries along
 * @param result        the result, or {@code null} when the search could not run
 * @param facets        the facet lists, in contract order
 * @param chips         one per active filter
 * @param clearFilters  link to the same query without any filter
 * @param pages         page links around the current one; {@code null} number marks a gap
 * @param previous      link to the previous page, or {@code null}
 * @param next          link to the next page, or {@code null}
 * @param errorCode     why there is no result ({@code null} when there is one)
 * @param errorMessage  the API's message for {@code errorCode}
 */
public record SearchPage(
        String q,
        String sort,
        String yearFrom,
        String yearTo,
        List<Param> hiddenFilters,
        SearchResult result,
        List<FacetGroup> facets,
        List<Chip> chips,
        String clearFilters,
        List<PageLink> pages,
        String previous,
        String next,
        String errorCode,
        String errorMessage) {

    static final String PATH = "/search";
    private static final int PAGE_WINDOW = 3;

    public static SearchPage of(SearchCriteria criteria, SearchResult result) {
        List<FacetGroup> groups = new ArrayList<>();
        for (Facet facet : Facet.values()) {
            groups.add(facetGroup(facet, criteria, result.facets().getOrDefault(facet.key(), List.of())));
        }
        int last = result.pageCount();
        List<PageLink> pages = new ArrayList<>();
        int from = Math.max(1, criteria.page() - PAGE_WINDOW);
        int to = Math.min(last, criteria.page() + PAGE_WINDOW);
        if (from > 1) {
            pages.add(new PageLink(1, href(criteria.withPage(1)), false));
            if (from > 2) {
                pages.add(new PageLink(null, null, false));
            }
        }
        for (int p = from; p <= to; p++) {
            pages.add(new PageLink(p, href(criteria.withPage(p)), p == criteria.page()));
        }
        if (to < last) {
            if (to < last - 1) {
                pages.add(new PageLink(null, null, false));
            }
            pages.add(new PageLink(last, href(criteria.withPage(last)), false));
        }
        String previous = criteria.page() > 1 ? href(criteria.withPage(criteria.page() - 1)) : null;
        String next = criteria.page() < last ? href(criteria.withPage(criteria.page() + 1)) : null;
        return new SearchPage(
                criteria.q(),
                criteria.sort().parameter(),
                text(criteria.yearFrom()),
                text(criteria.yearTo()),
                hiddenFilters(criteria),
                result,
                groups,
                chips(criteria),
                href(withoutFilters(criteria)),
                pages,
                previous,
                next,
                null,
                null);
    }

    /** The page for a search that could not run; the form keeps what the reader typed. */
    public static SearchPage failed(MultiValueMap<String, String> params, String code, String message) {
        String q = Objects.requireNonNullElse(params.getFirst(SearchCriteria.Q), "");
        String sort = Objects.requireNonNullElse(params.getFirst(SearchCriteria.SORT), SortOrder.RELEVANCE.parameter());
        return new SearchPage(
                q,
                sort,
                Objects.requireNonNullElse(params.getFirst(SearchCriteria.YEAR_FROM), ""),
                Objects.requireNonNullElse(params.getFirst(SearchCriteria.YEAR_TO), ""),
                List.of(),
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                null,
                null,
                code,
                message);
    }

    /** The same, when the parameters were valid: filters stay selectable as chips. */
    public static SearchPage failed(SearchCriteria criteria, String code, String message) {
        return new SearchPage(
                criteria.q(),
                criteria.sort().parameter(),
                text(criteria.yearFrom()),
                text(criteria.yearTo()),
                hiddenFilters(criteria),
                null,
                List.of(),
                chips(criteria),
                href(withoutFilters(criteria)),
                List.of(),
                null,
                null,
                code,
                message);
    }

    public boolean hasFilters() {
        return !chips.isEmpty();
    }

    private static FacetGroup facetGroup(Facet facet, SearchCriteria criteria, List<FacetValue> values) {
        List<FacetLink> links = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        for (FacetValue v : values) {
            String value = String.valueOf(v.value());
            listed.add(value);
            links.add(facetLink(facet, criteria, value, v.count()));
        }
        // A selected value without hits under the other filters must stay visible to be removable.
        for (String selected : criteria.values(facet)) {
            if (!listed.contains(selected)) {
                links.add(facetLink(facet, criteria, selected, 0));
            }
        }
        return new FacetGroup(facet.key(), links);
    }

    private static FacetLink facetLink(Facet facet, SearchCriteria criteria, String value, long count) {
        if (facet == Facet.YEAR) {
            Integer year = Integer.valueOf(value);
            boolean selected = year.equals(criteria.yearFrom()) && year.equals(criteria.yearTo());
            SearchCriteria target = selected ? criteria.withYears(null, null) : criteria.withYears(year, year);
            return new FacetLink(value, count, selected, href(target));
        }
        boolean selected = criteria.values(facet).contains(value);
        return new FacetLink(value, count, selected, href(criteria.withToggled(facet, value)));
    }

    private static List<Chip> chips(SearchCriteria criteria) {
        List<Chip> chips = new ArrayList<>();
        for (Facet facet : Facet.BY_VALUE) {
            for (String value : criteria.values(facet)) {
                chips.add(new Chip(facet.key(), value, href(criteria.withToggled(facet, value))));
            }
        }
        if (criteria.filtersYear()) {
            String from = text(criteria.yearFrom());
            String to = text(criteria.yearTo());
            String label = from.equals(to) ? from : from + "–" + to;
            chips.add(new Chip(Facet.YEAR.key(), label, href(criteria.withYears(null, null))));
        }
        return chips;
    }

    private static List<Param> hiddenFilters(SearchCriteria criteria) {
        List<Param> params = new ArrayList<>();
        for (Facet facet : Facet.BY_VALUE) {
            for (String value : criteria.values(facet)) {
                params.add(new Param(facet.key(), value));
            }
        }
        if (criteria.size() != SearchCriteria.DEFAULT_SIZE) {
            params.add(new Param(SearchCriteria.SIZE, Integer.toString(criteria.size())));
        }
        return params;
    }

    private static SearchCriteria withoutFilters(SearchCriteria c) {
        return new SearchCriteria(c.q(), c.query(), Map.of(), null, null, c.sort(), 1, c.size());
    }

    private static String text(Integer n) {
        return n == null ? "" : n.toString();
    }

    /** {@code /search?…} for the criteria, every name and value percent-encoded as UTF-8. */
    static String href(SearchCriteria criteria) {
        StringBuilder url = new StringBuilder(PATH);
        char separator = '?';
        for (Map.Entry<String, List<String>> e : criteria.toParameters().entrySet()) {
            for (String value : e.getValue()) {
                url.append(separator).append(encode(e.getKey())).append('=').append(encode(value));
                separator = '&';
            }
        }
        return url.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A name and value the search form submits as a hidden input. */
    public record Param(String name, String value) {}

    /** One facet: its key (for the label) and its values. */
    public record FacetGroup(String key, List<FacetLink> values) {}

    /** A facet value: following {@code href} selects it, or deselects it when {@code selected}. */
    public record FacetLink(String label, long count, boolean selected, String href) {}

    /** An active filter; following {@code removeHref} removes it. */
    public record Chip(String facet, String label, String removeHref) {}

    /** A page link; {@code number == null} is a gap in the sequence. */
    public record PageLink(Integer number, String href, boolean current) {}
}
