package org.wenshi.portal.search;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.wenshi.portal.document.StoredDocument;
import org.wenshi.portal.search.SearchResult.FacetValue;
import org.wenshi.portal.search.SearchResult.Hit;
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
        return new SearchResult(total, response.took(), criteria.page(), criteria.size(), hits, facets);
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
                snippets(hit.highlight()));
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
