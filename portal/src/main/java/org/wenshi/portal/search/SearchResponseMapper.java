package org.wenshi.portal.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.wenshi.portal.document.StoredDocument;
import org.wenshi.portal.search.SearchResult.FacetValue;
import org.wenshi.portal.search.SearchResult.Hit;
import org.wenshi.portal.search.SearchResult.PlaceNode;
import org.wenshi.schema.Fields;

/**
 * Turns Elasticsearch's answer (the JSON of {@code _search}, read as a tree) into a
 * {@link SearchResult}: hits from {@code _source}, highlighting and the pages' inner hits, facets
 * from the aggregations {@link SearchQueryBuilder} asked for, the total from {@code hits.total}.
 * Snippets are passed on as Elasticsearch encoded them (HTML-escaped, only {@code <mark>} as markup);
 * this class never adds markup of its own. Every field may be missing: a missing part maps to empty.
 */
@Component
public class SearchResponseMapper {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public SearchResult map(SearchCriteria criteria, JsonNode response) {
        JsonNode hitsNode = response.path("hits");
        List<Hit> hits = new ArrayList<>();
        for (JsonNode hit : hitsNode.path("hits")) {
            hits.add(hit(hit));
        }
        JsonNode totalNode = hitsNode.path("total");
        long total = totalNode.isObject()
                ? totalNode.path("value").asLong()
                : totalNode.isNumber() ? totalNode.asLong() : hits.size();
        JsonNode aggregations = response.path("aggregations");
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            facets.put(facet.key(), facetValues(aggregations.path(facet.key())));
        }
        JsonNode unfiltered = aggregations.path(SearchQueryBuilder.UNFILTERED);
        Long totalUnfiltered =
                unfiltered.isObject() ? unfiltered.path("doc_count").asLong() : null;
        return new SearchResult(
                total,
                response.path("took").asLong(),
                criteria.page(),
                criteria.size(),
                List.copyOf(hits),
                facets,
                totalUnfiltered,
                places(aggregations.path(SearchQueryBuilder.PLACE_TREE)),
                null);
    }

    /** The place tree: the filter aggregation's provinces, each with its cities, each with its counties. */
    static List<PlaceNode> places(JsonNode tree) {
        return placeNodes(tree.path(SearchQueryBuilder.VALUES));
    }

    private static List<PlaceNode> placeNodes(JsonNode level) {
        List<PlaceNode> nodes = new ArrayList<>();
        for (JsonNode b : level.path("buckets")) {
            nodes.add(new PlaceNode(
                    b.path("key").asText(),
                    b.path("doc_count").asLong(),
                    placeNodes(b.path(SearchQueryBuilder.VALUES))));
        }
        return List.copyOf(nodes);
    }

    static Hit hit(JsonNode hit) {
        StoredDocument d = StoredDocument.of(hit.path("_id").asText(), hit.get("_source"));
        Integer reprints = d.integer(Fields.REPRINTS);
        return new Hit(
                d.id(),
                d.text(Fields.TITLE),
                d.date(Fields.DATE),
                d.integer(Fields.YEAR),
                d.text(Fields.PROVINCE),
                d.text(Fields.CITY),
                d.text(Fields.COUNTY),
                d.texts(Fields.THEMES),
                d.text(Fields.TYPE),
                d.text(Fields.SOURCE),
                d.text(Fields.URL),
                snippets(hit.path("highlight")),
                pages(hit),
                reprints == null ? 0 : reprints);
    }

    /** Page numbers from the {@code pages} inner hits, in their order (best match first). */
    static List<Integer> pages(JsonNode hit) {
        List<Integer> pages = new ArrayList<>();
        for (JsonNode page : hit.path("inner_hits")
                .path(SearchQueryBuilder.PAGES_INNER_HITS)
                .path("hits")
                .path("hits")) {
            for (JsonNode n : page.path("fields").path(Fields.PAGE_N)) {
                if (n.isNumber() && !pages.contains(n.intValue())) {
                    pages.add(n.intValue());
                }
            }
        }
        return List.copyOf(pages);
    }

    /** Bigram-field fragments when there are any (they mark phrases), else the word field's. */
    static List<String> snippets(JsonNode highlight) {
        JsonNode fragments = highlight.path(Fields.TEXT_BIGRAMS);
        if (fragments.isEmpty()) {
            fragments = highlight.path(Fields.TEXT);
        }
        List<String> snippets = new ArrayList<>();
        for (JsonNode fragment : fragments) {
            String s = WHITESPACE.matcher(fragment.asText()).replaceAll(" ").strip();
            if (!s.isEmpty()) {
                snippets.add(s);
            }
        }
        return List.copyOf(snippets);
    }

    /** A facet's buckets; a numeric key (the year facets) stays a number. */
    private static List<FacetValue> facetValues(JsonNode facet) {
        List<FacetValue> values = new ArrayList<>();
        for (JsonNode b : facet.path(SearchQueryBuilder.VALUES).path("buckets")) {
            JsonNode key = b.path("key");
            values.add(new FacetValue(
                    key.isNumber() ? (Object) key.asLong() : key.asText(),
                    b.path("doc_count").asLong()));
        }
        return List.copyOf(values);
    }
}
