package org.wenshi.portal.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/search}, in the contract's shape (extended, never changed), and the
 * model of the results page.
 *
 * @param total           all matching documents (after filters), not the page size
 * @param tookMs          time Elasticsearch reported for the search
 * @param page            1-based page number
 * @param size            hits per page
 * @param hits            this page's documents
 * @param facets          per facet key ({@code province, city, county, year, theme, type, source, people,
 *                        years_covered}) the values with counts
 * @param totalUnfiltered the documents the query finds without any filter; {@code null} when no filter is set
 * @param places          provinces › cities › counties with counts, for the page's place tree (not in the JSON)
 * @param didYouMean      for a search without hits: the query with likely misspellings corrected, else {@code null}
 */
public record SearchResult(
        long total,
        @JsonProperty("took_ms") long tookMs,
        int page,
        int size,
        List<Hit> hits,
        Map<String, List<FacetValue>> facets,

        @JsonProperty("total_unfiltered") @JsonInclude(JsonInclude.Include.NON_NULL)
        Long totalUnfiltered,

        @JsonIgnore List<PlaceNode> places,

        @JsonProperty("did_you_mean") @JsonInclude(JsonInclude.Include.NON_NULL)
        String didYouMean) {

    public SearchResult(
            long total, long tookMs, int page, int size, List<Hit> hits, Map<String, List<FacetValue>> facets) {
        this(total, tookMs, page, size, hits, facets, null, List.of(), null);
    }

    /** Pages there are to browse, bounded by how deep Elasticsearch can page. */
    public int pageCount() {
        long reachable = Math.min(total, SearchCriteria.MAX_RESULT_WINDOW);
        return (int) Math.max(1, (reachable + size - 1) / size);
    }

    /** More hits match than can be paged through. */
    @JsonIgnore
    public boolean truncated() {
        return total > SearchCriteria.MAX_RESULT_WINDOW;
    }

    /** The same result with a spelling suggestion. */
    SearchResult withDidYouMean(String suggestion) {
        return new SearchResult(total, tookMs, page, size, hits, facets, totalUnfiltered, places, suggestion);
    }

    /**
     * One document of the result list.
     *
     * @param snippets HTML-escaped text in which only {@code <mark>} is markup
     * @param pages    numbers of the pages (of a scanned document) on which the query matched, best first
     * @param reprints how many other copies of this document (its reprint group) the archive holds
     */
    public record Hit(
            String id,
            String title,
            String date,
            Integer year,
            String province,
            String city,
            String county,
            List<String> themes,
            String type,
            String source,
            String url,
            List<String> snippets,
            List<Integer> pages,
            long reprints) {}

    /**
     * One value of a facet. {@code value} is a string, or a number for the year facets.
     */
    public record FacetValue(Object value, long count) {}

    /** A place of the tree: a province, city or county, its count and the places inside it. */
    public record PlaceNode(String value, long count, List<PlaceNode> children) {}
}
