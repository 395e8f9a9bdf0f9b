package org.wenshi.portal.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.util.MultiValueMap;
import org.wenshi.portal.search.SearchCriteria.YearRange;
import org.wenshi.portal.search.SearchResult.FacetValue;
import org.wenshi.portal.search.SearchResult.PlaceNode;
import org.wenshi.portal.search.UserQuery.Word;

/**
 * What the results page shows, with every link already built: facet values that add or remove
 * themselves from the search (several values of one facet at once, like checkboxes), the place
 * hierarchy, year histograms, removable chips for the active filters, page links and the help
 * shown when nothing was found. Built here rather than in the template so that links are encoded
 * once, correctly, and the page needs no JavaScript.
 *
 * @param q             the query text, for the search box
 * @param sort          the current sort parameter
 * @param yearFrom      for the year inputs, {@code ""} when not set
 * @param yearTo        for the year inputs, {@code ""} when not set
 * @param hiddenFilters what the search form carries along besides q, sort and the year ranges
 * @param withinParams  what the "search within results" form carries: this search with q as {@code within}
 * @param result        the result, or {@code null} when the search could not run
 * @param facets        every value facet (the place facets included), in contract order
 * @param placeTree     provinces › cities › counties; a level is open when a place above it is selected
 * @param histograms    the year facets as histograms with their range
 * @param chips         one per active filter and per query searched within
 * @param clearFilters  link to the same query without any filter
 * @param pages         page links around the current one; {@code null} number marks a gap
 * @param previous      link to the previous page, or {@code null}
 * @param next          link to the next page, or {@code null}
 * @param help          what to try when nothing was found, or {@code null}
 * @param errorCode     why there is no result ({@code null} when there is one)
 * @param errorMessage  the API's message for {@code errorCode}
 */
public record SearchPage(
        String q,
        String sort,
        String yearFrom,
        String yearTo,
        List<Param> hiddenFilters,
        List<Param> withinParams,
        SearchResult result,
        List<FacetGroup> facets,
        List<PlaceLink> placeTree,
        List<Histogram> histograms,
        List<Chip> chips,
        String clearFilters,
        List<PageLink> pages,
        String previous,
        String next,
        EmptyHelp help,
        String errorCode,
        String errorMessage) {

    static final String PATH = "/search";
    private static final int PAGE_WINDOW = 3;
    /** A facet with more values than this gets a box to search its values. */
    static final int SEARCHABLE_FROM = 8;
    /** Above this many years a histogram shows decades. */
    static final int MAX_BARS = 40;

    public static SearchPage of(SearchCriteria criteria, SearchResult result) {
        List<FacetGroup> groups = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        for (Facet facet : Facet.values()) {
            List<FacetValue> values = result.facets().getOrDefault(facet.key(), List.of());
            if (facet.ranged()) {
                histograms.add(histogram(facet, criteria, values));
            }
            groups.add(facetGroup(facet, criteria, values));
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
                withinParams(criteria),
                result,
                groups,
                placeTree(criteria, result.places()),
                histograms,
                chips(criteria),
                href(criteria.withoutFilters()),
                pages,
                previous,
                next,
                result.total() == 0 ? emptyHelp(criteria, result) : null,
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
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(),
                null,
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
                withinParams(criteria),
                null,
                List.of(),
                List.of(),
                List.of(),
                chips(criteria),
                href(criteria.withoutFilters()),
                List.of(),
                null,
                null,
                null,
                code,
                message);
    }

    public boolean hasFilters() {
        return !chips.isEmpty();
    }

    /** The value facets shown as lists: all but the places (shown as a tree) and the years (histograms). */
    public List<FacetGroup> listedFacets() {
        return facets.stream()
                .filter(g ->
                        Facet.BY_VALUE.stream().anyMatch(f -> f.key().equals(g.key()) && !Facet.PLACES.contains(f)))
                .toList();
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
        return new FacetGroup(facet.key(), links, links.size() > SEARCHABLE_FROM);
    }

    private static FacetLink facetLink(Facet facet, SearchCriteria criteria, String value, long count) {
        if (facet.ranged()) {
            Integer year = Integer.valueOf(value);
            YearRange range = criteria.range(facet);
            boolean selected = year.equals(range.from()) && year.equals(range.to());
            SearchCriteria target =
                    selected ? criteria.withRange(facet, null, null) : criteria.withRange(facet, year, year);
            return new FacetLink(value, count, selected, href(target));
        }
        boolean selected = criteria.values(facet).contains(value);
        return new FacetLink(value, count, selected, href(criteria.withToggled(facet, value)));
    }

    /**
     * The place tree: every province; the cities of a selected province (or of the only one, or of
     * one holding a selected city or county); likewise the counties of a city. Selected places the counts no longer list
     * stay, with 0, so that they can be removed.
     */
    static List<PlaceLink> placeTree(SearchCriteria criteria, List<PlaceNode> provinces) {
        List<PlaceLink> tree = placeLevel(criteria, provinces, 0);
        List<String> shown = new ArrayList<>();
        collect(tree, shown);
        List<PlaceLink> withMissing = new ArrayList<>(tree);
        for (Facet facet : Facet.PLACES) {
            for (String selected : criteria.values(facet)) {
                if (!shown.contains(facet.key() + ":" + selected)) {
                    withMissing.add(new PlaceLink(
                            facet.key(), selected, 0, true, href(criteria.withToggled(facet, selected)), List.of()));
                }
            }
        }
        return withMissing;
    }

    private static void collect(List<PlaceLink> links, List<String> into) {
        for (PlaceLink l : links) {
            into.add(l.facet() + ":" + l.label());
            collect(l.children(), into);
        }
    }

    private static List<PlaceLink> placeLevel(SearchCriteria criteria, List<PlaceNode> nodes, int depth) {
        Facet facet = Facet.PLACES.get(depth);
        List<PlaceLink> links = new ArrayList<>();
        for (PlaceNode node : nodes) {
            boolean selected = criteria.values(facet).contains(node.value());
            boolean open = depth + 1 < Facet.PLACES.size()
                    && (selected || nodes.size() == 1 || holdsSelection(criteria, node.children(), depth + 1));
            links.add(new PlaceLink(
                    facet.key(),
                    node.value(),
                    node.count(),
                    selected,
                    href(criteria.withToggled(facet, node.value())),
                    open ? placeLevel(criteria, node.children(), depth + 1) : List.of()));
        }
        return links;
    }

    /** Whether a place below (at {@code depth} or deeper) is selected, so that its branch is shown open. */
    private static boolean holdsSelection(SearchCriteria criteria, List<PlaceNode> nodes, int depth) {
        if (depth >= Facet.PLACES.size()) {
            return false;
        }
        for (PlaceNode node : nodes) {
            if (criteria.values(Facet.PLACES.get(depth)).contains(node.value())
                    || holdsSelection(criteria, node.children(), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A year facet as bars: one per year, or per decade when the years span more than
     * {@link #MAX_BARS}; a bar selects its year or decade as the range.
     */
    static Histogram histogram(Facet facet, SearchCriteria criteria, List<FacetValue> values) {
        List<int[]> buckets = new ArrayList<>(); // {first year, last year, count}
        if (!values.isEmpty()) {
            int min = ((Number) values.get(0).value()).intValue();
            int max = ((Number) values.get(values.size() - 1).value()).intValue();
            int width = max - min + 1 > MAX_BARS ? 10 : 1;
            for (FacetValue v : values) {
                int year = ((Number) v.value()).intValue();
                int first = width == 1 ? year : Math.floorDiv(year, 10) * 10;
                int[] last = buckets.isEmpty() ? null : buckets.get(buckets.size() - 1);
                if (last != null && last[0] == first) {
                    last[2] += (int) v.count();
                } else {
                    buckets.add(new int[] {first, first + width - 1, (int) v.count()});
                }
            }
        }
        long highest = buckets.stream().mapToLong(b -> b[2]).max().orElse(1);
        YearRange range = criteria.range(facet);
        List<Bar> bars = new ArrayList<>();
        for (int[] b : buckets) {
            boolean selected = Integer.valueOf(b[0]).equals(range.from())
                    && Integer.valueOf(b[1]).equals(range.to());
            String label = b[0] == b[1] ? Integer.toString(b[0]) : b[0] + "–" + b[1];
            bars.add(new Bar(
                    label,
                    b[2],
                    (int) Math.max(4, Math.round(100.0 * b[2] / highest)),
                    selected,
                    href(selected ? criteria.withRange(facet, null, null) : criteria.withRange(facet, b[0], b[1]))));
        }
        return new Histogram(
                facet.key(),
                facet.fromParameter(),
                facet.toParameter(),
                text(range.from()),
                text(range.to()),
                values.isEmpty() ? "" : String.valueOf(values.get(0).value()),
                values.isEmpty()
                        ? ""
                        : String.valueOf(values.get(values.size() - 1).value()),
                bars);
    }

    /**
     * What to try when nothing was found: the corrected spelling, the search without its filters
     * (with how many it finds), any of the words instead of all of them.
     */
    static EmptyHelp emptyHelp(SearchCriteria criteria, SearchResult result) {
        String didYouMeanHref = result.didYouMean() == null ? null : href(criteria.withQuery(result.didYouMean()));
        String withoutFilters =
                criteria.filters().isEmpty() && criteria.ranges().isEmpty() ? null : href(criteria.withoutFilters());
        List<String> words = criteria.query().required().stream()
                .filter(c -> c instanceof Word)
                .map(c -> ((Word) c).text())
                .toList();
        String anyWords = words.size() > 1 ? href(criteria.withQuery(String.join(" OR ", words))) : null;
        return new EmptyHelp(result.didYouMean(), didYouMeanHref, withoutFilters, result.totalUnfiltered(), anyWords);
    }

    private static List<Chip> chips(SearchCriteria criteria) {
        List<Chip> chips = new ArrayList<>();
        for (int i = 0; i < criteria.within().size(); i++) {
            chips.add(new Chip(SearchCriteria.WITHIN, criteria.within().get(i), href(criteria.withoutWithin(i))));
        }
        for (Facet facet : Facet.BY_VALUE) {
            for (String value : criteria.values(facet)) {
                chips.add(new Chip(facet.key(), value, href(criteria.withToggled(facet, value))));
            }
        }
        for (Facet facet : Facet.RANGED) {
            if (criteria.filters(facet)) {
                chips.add(new Chip(facet.key(), criteria.range(facet).label(), href(criteria.without(facet))));
            }
        }
        return chips;
    }

    private static List<Param> hiddenFilters(SearchCriteria criteria) {
        List<Param> params = new ArrayList<>();
        for (String w : criteria.within()) {
            params.add(new Param(SearchCriteria.WITHIN, w));
        }
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

    /** Everything of this search but the page, with its query text moved to {@code within}. */
    private static List<Param> withinParams(SearchCriteria criteria) {
        if (criteria.q().isBlank()) {
            return List.of();
        }
        List<Param> params = new ArrayList<>();
        MultiValueMap<String, String> current = criteria.withPage(1).toParameters();
        current.forEach((name, values) -> {
            if (!name.equals(SearchCriteria.Q)) {
                values.forEach(v -> params.add(new Param(name, v)));
            }
        });
        params.add(new Param(SearchCriteria.WITHIN, criteria.q()));
        return params;
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

    /** A name and value a form submits as a hidden input. */
    public record Param(String name, String value) {}

    /** One facet: its key (for the label), its values, and whether it gets a box to search them. */
    public record FacetGroup(String key, List<FacetLink> values, boolean searchable) {}

    /** A facet value: following {@code href} selects it, or deselects it when {@code selected}. */
    public record FacetLink(String label, long count, boolean selected, String href) {}

    /** A place of the tree, with the places below it that are shown. */
    public record PlaceLink(
            String facet, String label, long count, boolean selected, String href, List<PlaceLink> children) {}

    /**
     * A year facet drawn as bars, with the range inputs around it.
     *
     * @param key           the facet key ({@code year}, {@code years_covered})
     * @param fromParameter name of the first-year input
     * @param toParameter   name of the last-year input
     * @param from          the selected first year, {@code ""} when open
     * @param to            the selected last year, {@code ""} when open
     * @param min           the earliest year with hits, {@code ""} when none
     * @param max           the latest year with hits
     * @param bars          one per year or decade
     */
    public record Histogram(
            String key,
            String fromParameter,
            String toParameter,
            String from,
            String to,
            String min,
            String max,
            List<Bar> bars) {}

    /** One bar: {@code height} in percent of the highest; following {@code href} selects its years. */
    public record Bar(String label, long count, int height, boolean selected, String href) {}

    /** An active filter; following {@code removeHref} removes it. */
    public record Chip(String facet, String label, String removeHref) {}

    /** A page link; {@code number == null} is a gap in the sequence. */
    public record PageLink(Integer number, String href, boolean current) {}

    /**
     * Suggestions for a search without hits; each link {@code null} when it does not apply.
     *
     * @param didYouMean      the query with its spelling corrected
     * @param didYouMeanHref  the search for it
     * @param withoutFilters  the same query without filters
     * @param unfilteredCount how many that finds
     * @param anyWords        the search for any of the words instead of all
     */
    public record EmptyHelp(
            String didYouMean, String didYouMeanHref, String withoutFilters, Long unfilteredCount, String anyWords) {}
}
