package org.wenshi.portal.search;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.InnerHitsResult;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.JsonNumber;
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
 * Turns Elasticsearch's answer into a {@link SearchResult}: hits from {@code _source} and
 * highlighting, facets from the aggregations {@link SearchQueryBuilder} asked for, the total from
 * {@code hits.total}. Snippets are passed on as Elasticsearch encoded them (HTML-escaped, only
 * {@code <mark>} as markup); this class never adds markup of its own.
 */
@Component
public class SearchResponseMapper {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public SearchResult map(SearchCriteria criteria, SearchResponse<ObjectNode> response) {
        List<Hit> hits =
                response.hits().hits().stream().map(SearchResponseMapper::hit).toList();
        long total = response.hits().total() == null
                ? hits.size()
                : response.hits().total().value();
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            facets.put(facet.key(), facetValues(response.aggregations().get(facet.key())));
        }
        Aggregate unfiltered = response.aggregations().get(SearchQueryBuilder.UNFILTERED);
        Long totalUnfiltered = unfiltered != null && unfiltered.isFilter()
                ? unfiltered.filter().docCount()
                : null;
        return new SearchResult(
                total,
                response.took(),
                criteria.page(),
                criteria.size(),
                hits,
                facets,
                totalUnfiltered,
                places(response.aggregations().get(SearchQueryBuilder.PLACE_TREE)),
                null);
    }

    /** The place tree: the filter aggregation's provinces, each with its cities, each with its counties. */
    static List<PlaceNode> places(Aggregate tree) {
        if (tree == null || !tree.isFilter()) {
            return List.of();
        }
        return placeNodes(tree.filter().aggregations().get(SearchQueryBuilder.VALUES));
    }

    private static List<PlaceNode> placeNodes(Aggregate level) {
        if (level == null || !level.isSterms()) {
            return List.of();
        }
        return level.sterms().buckets().array().stream()
                .map(b -> new PlaceNode(
                        b.key().stringValue(),
                        b.docCount(),
                        placeNodes(b.aggregations().get(SearchQueryBuilder.VALUES))))
                .toList();
    }

    static Hit hit(co.elastic.clients.elasticsearch.core.search.Hit<ObjectNode> hit) {
        StoredDocument d = StoredDocument.of(hit.id(), hit.source());
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
                snippets(hit.highlight()),
                pages(hit),
                0,
                d.text(Fields.DUPLICATE_GROUP));
    }

    /** Page numbers from the {@code pages} inner hits, in their order (best match first). */
    static List<Integer> pages(co.elastic.clients.elasticsearch.core.search.Hit<ObjectNode> hit) {
        InnerHitsResult inner = hit.innerHits().get(SearchQueryBuilder.PAGES_INNER_HITS);
        if (inner == null) {
            return List.of();
        }
        List<Integer> pages = new ArrayList<>();
        for (var page : inner.hits().hits()) {
            JsonData n = page.fields().get(Fields.PAGE_N);
            if (n == null) {
                continue;
            }
            for (var value : n.toJson().asJsonArray()) {
                if (value instanceof JsonNumber number && !pages.contains(number.intValue())) {
                    pages.add(number.intValue());
                }
            }
        }
        return List.copyOf(pages);
    }

    /** Bigram-field fragments when there are any (they mark phrases), else the word field's. */
    static List<String> snippets(Map<String, List<String>> highlight) {
        List<String> fragments = highlight.getOrDefault(Fields.TEXT_BIGRAMS, List.of());
        if (fragments.isEmpty()) {
            fragments = highlight.getOrDefault(Fields.TEXT, List.of());
        }
        List<String> snippets = new ArrayList<>();
        for (String fragment : fragments) {
            String s = WHITESPACE.matcher(fragment).replaceAll(" ").strip();
            if (!s.isEmpty()) {
                snippets.add(s);
            }
        }
        return List.copyOf(snippets);
    }

    private static List<FacetValue> facetValues(Aggregate facet) {
        if (facet == null || !facet.isFilter()) {
            return List.of();
        }
        Aggregate values = facet.filter().aggregations().get(SearchQueryBuilder.VALUES);
        if (values == null) {
            return List.of();
        }
        if (values.isSterms()) {
            return values.sterms().buckets().array().stream()
                    .map(b -> new FacetValue(b.key().stringValue(), b.docCount()))
                    .toList();
        }
        if (values.isLterms()) {
            return values.lterms().buckets().array().stream()
                    .map(b -> new FacetValue(b.key(), b.docCount()))
                    .toList();
        }
        return List.of();
    }
}
