package org.wenshi.portal.search;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.wenshi.portal.document.StoredDocument;
import org.wenshi.portal.search.SearchResult.FacetValue;
import org.wenshi.portal.search.SearchResult.Hit;
import org.wenshi.portal.search.SearchResult.PlaceNode;
import org.wenshi.schema.Fields;

/**
 * Reads Elasticsearch's answer (the JSON of {@code _search}) as it streams by into a
 * {@link SearchResult}: hits from {@code _source}, highlighting and the pages' inner hits, facets
 * from the aggregations {@link SearchQueryBuilder} asked for, the total from {@code hits.total}.
 * Everything else in the answer is skipped without being built; only each hit's small
 * {@code _source} and inner hits become trees. This is the search path's largest cost in the portal
 * after HTTP, which is why it streams.
 *
 * <p>Snippets are passed on as Elasticsearch encoded them (HTML-escaped, only {@code <mark>} as
 * markup); this class never adds markup of its own. Every part may be missing: a missing part maps
 * to empty; a part of an unexpected type is skipped.
 */
@Component
public class SearchResponseMapper {
    private static final Map<String, Facet> FACETS = new HashMap<>();

    static {
        for (Facet facet : Facet.values()) {
            FACETS.put(facet.key(), facet);
        }
    }

    /** A terms bucket: its key (a {@link Long} for numeric keys), count and nested {@code values} buckets. */
    private record Bucket(Object key, long count, List<Bucket> children) {}

    /** Reads one answer; {@code parser} stands before its first token. */
    public SearchResult read(SearchCriteria criteria, JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("Elasticsearch's answer is not a JSON object");
        }
        long took = 0;
        Long total = null;
        List<Hit> hits = List.of();
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            facets.put(facet.key(), List.of());
        }
        Long totalUnfiltered = null;
        List<PlaceNode> places = List.of();
        for (String name; (name = nextField(parser)) != null; ) {
            switch (name) {
                case "took" -> took = parser.currentToken().isNumeric() ? parser.getValueAsLong() : skip(parser, 0L);
                case "hits" -> {
                    if (!isObject(parser)) {
                        continue;
                    }
                    for (String part; (part = nextField(parser)) != null; ) {
                        if (part.equals("total")) {
                            // {"value": n, ...}, or a number from older nodes
                            total = parser.currentToken().isNumeric()
                                    ? (Long) parser.getValueAsLong()
                                    : numberField(parser, "value");
                        } else if (part.equals("hits") && parser.currentToken() == JsonToken.START_ARRAY) {
                            hits = hits(parser);
                        } else {
                            parser.skipChildren();
                        }
                    }
                }
                case "aggregations" -> {
                    if (!isObject(parser)) {
                        continue;
                    }
                    for (String aggregation; (aggregation = nextField(parser)) != null; ) {
                        Facet facet = FACETS.get(aggregation);
                        if (facet != null) {
                            facets.put(facet.key(), facetValues(filterValues(parser)));
                        } else if (aggregation.equals(SearchQueryBuilder.PLACE_TREE)) {
                            places = placeNodes(filterValues(parser));
                        } else if (aggregation.equals(SearchQueryBuilder.UNFILTERED)) {
                            totalUnfiltered = numberField(parser, "doc_count");
                        } else {
                            parser.skipChildren();
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }
        return new SearchResult(
                total == null ? hits.size() : total,
                took,
                criteria.page(),
                criteria.size(),
                hits,
                facets,
                totalUnfiltered,
                places,
                null);
    }

    /**
     * Moves to the value of the next field of the current object and returns the field's name;
     * {@code null} at the object's end.
     */
    private static String nextField(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_OBJECT) {
            return null;
        }
        if (token != JsonToken.FIELD_NAME) {
            throw new IOException("Unexpected " + token + " in Elasticsearch's answer");
        }
        String name = parser.currentName();
        parser.nextToken();
        return name;
    }

    /** Moves to the next element of the current array: {@code false} at its end. */
    private static boolean nextElement(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new IOException("Elasticsearch's answer ends inside an array");
        }
        return token != JsonToken.END_ARRAY;
    }

    /** {@code true} when the parser stands on an object; any other value is skipped. */
    private static boolean isObject(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            return true;
        }
        parser.skipChildren();
        return false;
    }

    private static <T> T skip(JsonParser parser, T value) throws IOException {
        parser.skipChildren();
        return value;
    }

    /** The number in field {@code name} of the object the parser stands on; {@code null} without one. */
    private static Long numberField(JsonParser parser, String name) throws IOException {
        Long number = null;
        if (!isObject(parser)) {
            return null;
        }
        for (String field; (field = nextField(parser)) != null; ) {
            if (field.equals(name) && parser.currentToken().isNumeric()) {
                number = parser.getValueAsLong();
            } else {
                parser.skipChildren();
            }
        }
        return number;
    }

    private static List<Hit> hits(JsonParser parser) throws IOException {
        List<Hit> hits = new ArrayList<>();
        while (nextElement(parser)) {
            if (isObject(parser)) {
                hits.add(hit(parser));
            }
        }
        return List.copyOf(hits);
    }

    private static Hit hit(JsonParser parser) throws IOException {
        String elasticsearchId = null;
        JsonNode source = null;
        JsonNode innerHits = null;
        List<String> bigramFragments = List.of();
        List<String> wordFragments = List.of();
        for (String name; (name = nextField(parser)) != null; ) {
            switch (name) {
                case "_id" ->
                    elasticsearchId =
                            parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : skip(parser, null);
                case "_source" -> source = isObject(parser) ? parser.readValueAsTree() : null;
                case "inner_hits" -> innerHits = isObject(parser) ? parser.readValueAsTree() : null;
                case "highlight" -> {
                    if (!isObject(parser)) {
                        continue;
                    }
                    for (String field; (field = nextField(parser)) != null; ) {
                        if (field.equals(Fields.TEXT_BIGRAMS)) {
                            bigramFragments = strings(parser);
                        } else if (field.equals(Fields.TEXT) && bigramFragments.isEmpty()) {
                            // Elasticsearch lists the fields as asked, bigrams first: when those have
                            // fragments, the word field's are not used and are skipped undecoded.
                            wordFragments = strings(parser);
                        } else {
                            parser.skipChildren();
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }
        StoredDocument d = StoredDocument.of(elasticsearchId, source);
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
                snippets(bigramFragments.isEmpty() ? wordFragments : bigramFragments),
                innerHits == null ? List.of() : pages(innerHits),
                reprints == null ? 0 : reprints);
    }

    /** The strings of an array (other elements skipped); a single string as a list of one. */
    private static List<String> strings(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return List.of(parser.getText());
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            return skip(parser, List.of());
        }
        List<String> strings = new ArrayList<>();
        while (nextElement(parser)) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                strings.add(parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        return strings;
    }

    /** Page numbers from the {@code pages} inner hits, in their order (best match first). */
    static List<Integer> pages(JsonNode innerHits) {
        List<Integer> pages = new ArrayList<>();
        for (JsonNode page :
                innerHits.path(SearchQueryBuilder.PAGES_INNER_HITS).path("hits").path("hits")) {
            for (JsonNode n : page.path("fields").path(Fields.PAGE_N)) {
                if (n.isNumber() && !pages.contains(n.intValue())) {
                    pages.add(n.intValue());
                }
            }
        }
        return List.copyOf(pages);
    }

    /**
     * The fragments as one line each: runs of ASCII whitespace (line breaks of the text) become one
     * space, and the ends are stripped; empty fragments are dropped.
     */
    static List<String> snippets(List<String> fragments) {
        List<String> snippets = new ArrayList<>(fragments.size());
        for (String fragment : fragments) {
            String s = collapseWhitespace(fragment).strip();
            if (!s.isEmpty()) {
                snippets.add(s);
            }
        }
        return List.copyOf(snippets);
    }

    /** What {@code s.replaceAll("\\s+", " ")} gives, without a regular expression. */
    static String collapseWhitespace(String s) {
        char[] chars = s.toCharArray();
        int written = 0;
        boolean inRun = false;
        boolean changed = false;
        for (char c : chars) {
            if (asciiWhitespace(c)) {
                if (!inRun) {
                    changed |= c != ' ';
                    chars[written++] = ' ';
                    inRun = true;
                } else {
                    changed = true;
                }
            } else {
                chars[written++] = c;
                inRun = false;
            }
        }
        return changed ? new String(chars, 0, written) : s;
    }

    /** The characters of the regular expression class {@code \s}. */
    private static boolean asciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Of a filter aggregation, the buckets of the terms aggregation {@code values} inside it. */
    private static List<Bucket> filterValues(JsonParser parser) throws IOException {
        List<Bucket> buckets = List.of();
        if (!isObject(parser)) {
            return buckets;
        }
        for (String name; (name = nextField(parser)) != null; ) {
            if (name.equals(SearchQueryBuilder.VALUES)) {
                buckets = terms(parser);
            } else {
                parser.skipChildren();
            }
        }
        return buckets;
    }

    /** The buckets of a terms aggregation, each with the buckets of its own {@code values}, if any. */
    private static List<Bucket> terms(JsonParser parser) throws IOException {
        List<Bucket> buckets = new ArrayList<>();
        if (!isObject(parser)) {
            return buckets;
        }
        for (String name; (name = nextField(parser)) != null; ) {
            if (!name.equals("buckets") || parser.currentToken() != JsonToken.START_ARRAY) {
                parser.skipChildren();
                continue;
            }
            while (nextElement(parser)) {
                if (!isObject(parser)) {
                    continue;
                }
                Object key = null;
                long count = 0;
                List<Bucket> children = List.of();
                for (String field; (field = nextField(parser)) != null; ) {
                    JsonToken v = parser.currentToken();
                    switch (field) {
                        case "key" ->
                            key = v.isNumeric()
                                    ? (Object) parser.getValueAsLong()
                                    : v.isScalarValue() ? parser.getValueAsString() : skip(parser, null);
                        case "doc_count" -> count = v.isNumeric() ? parser.getValueAsLong() : skip(parser, 0L);
                        case SearchQueryBuilder.VALUES -> children = terms(parser);
                        default -> parser.skipChildren();
                    }
                }
                buckets.add(new Bucket(key == null ? "" : key, count, children));
            }
        }
        return buckets;
    }

    /** A facet's buckets; a numeric key (the year facets) stays a number. */
    private static List<FacetValue> facetValues(List<Bucket> buckets) {
        List<FacetValue> values = new ArrayList<>(buckets.size());
        for (Bucket b : buckets) {
            values.add(new FacetValue(b.key(), b.count()));
        }
        return List.copyOf(values);
    }

    /** The place tree: provinces, each with its cities, each with its counties. */
    private static List<PlaceNode> placeNodes(List<Bucket> buckets) {
        List<PlaceNode> nodes = new ArrayList<>(buckets.size());
        for (Bucket b : buckets) {
            nodes.add(new PlaceNode(b.key().toString(), b.count(), placeNodes(b.children())));
        }
        return List.copyOf(nodes);
    }
}
