package org.wenshi.portal.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/search}, exactly in the contract's shape, and the model of the
 * results page.
 *
 * @param total  all matching documents (after filters), not the page size
 * @param tookMs time Elasticsearch reported for the search
 * @param page   1-based page number
 * @param size   hits per page
 * @param hits   this page's documents
 * @param facets per facet key ({@code province, city, county, year, theme, type, source}) the values with counts
 */
public record SearchResult(
        long total,
        @JsonProperty("took_ms") long tookMs,
        int page,
        int size,
        List<Hit> hits,
        Map<String, List<FacetValue>> facets) {

    /** Pages there are to browse, bounded by how deep Elasticsearch can page. */
    public int pageCount() {
        long reachable = Math.min(total, SearchCriteria.MAX_RESULT_WINDOW);
        return (int) Math.max(1, (reachable + size - 1) / size);
    }

    /**
     * One document of the result list.
     *
     * @param snippets HTML-escaped text in which only {@code <mark>} is markup
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
            List<String> snippets) {}

    /**
     * One value of a facet. {@code value} is a string, or a number for the year facet.
     */
    public record FacetValue(Object value, long count) {}
}
