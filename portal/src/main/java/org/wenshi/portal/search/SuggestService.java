package org.wenshi.portal.search;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.wenshi.portal.system.ApiException;
import org.wenshi.portal.system.ElasticsearchAccess;
import org.wenshi.schema.Fields;
import reactor.core.publisher.Mono;

/**
 * Suggestions while the reader types ({@code GET /api/suggest?q=}), in one request: titles that
 * start with the prefix (the {@code suggest} completion field, whose analyzer folds traditional and
 * full-width forms), titles that contain it, and places, people and themes whose names start with it
 * (a {@code terms} aggregation restricted by a regular expression built from the escaped prefix).
 * User text never becomes query syntax: the prefix is escaped character by character.
 */
@Service
public class SuggestService {
    public static final int MAX_PREFIX = 100;
    static final int LIMIT = 10;
    static final int PER_KIND = 5;
    static final String TITLES = "titles";
    /** The global aggregation holding the names by kind: names are looked up in all documents, not the hits. */
    static final String NAMES = "names";

    /** The keyword fields searched by prefix, by the kind the answer names. */
    static final Map<String, String> KINDS = kinds();

    private final ElasticsearchAccess elasticsearch;

    public SuggestService(ElasticsearchAccess elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("place", Fields.CITY);
        kinds.put("county", Fields.COUNTY);
        kinds.put("province", Fields.PROVINCE);
        kinds.put("person", Fields.PEOPLE_NAME);
        kinds.put("theme", Fields.THEMES);
        return kinds;
    }

    /**
     * The suggestions for a prefix.
     *
     * @param suggestions what to show, best first, without duplicates
     * @param items       the same with the kind of each ({@code title, place, county, province, person, theme})
     */
    public record Suggestions(List<String> suggestions, List<Item> items) {}

    public record Item(String text, String kind) {}

    public Mono<Suggestions> suggest(String raw) {
        String prefix = raw == null ? "" : raw.strip();
        if (prefix.codePointCount(0, prefix.length()) > MAX_PREFIX) {
            return Mono.error(ApiException.badRequest(
                    "query_too_long", "q is longer than " + MAX_PREFIX + " characters / 输入不能超过 " + MAX_PREFIX + " 个字"));
        }
        if (!QueryParser.searchable(prefix) || prefix.codePoints().anyMatch(Character::isISOControl)) {
            return Mono.just(new Suggestions(List.of(), List.of()));
        }
        SearchRequest request = request(elasticsearch.names().alias(), prefix);
        return elasticsearch
                .execute("suggest", es -> es.search(request, ObjectNode.class))
                .map(SuggestService::suggestions);
    }

    static SearchRequest request(String index, String prefix) {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        String include = regexPrefix(prefix) + ".*";
        KINDS.forEach((kind, field) -> aggs.put(
                kind,
                Aggregation.of(a -> a.terms(t -> t.field(field).size(PER_KIND).include(i -> i.regexp(include))))));
        return SearchRequest.of(s -> s.index(index)
                .size(PER_KIND)
                .query(q -> q.bool(b -> b.must(m -> m.matchPhrasePrefix(
                                p -> p.field(Fields.TITLE_BIGRAMS).query(prefix).maxExpansions(20)))
                        .mustNot(SearchQueryBuilder.REPRINT)))
                .source(src -> src.filter(f -> f.includes(Fields.TITLE)))
                .aggregations(NAMES, a -> a.global(g -> g).aggregations(aggs))
                .suggest(sg -> sg.suggesters(TITLES, f -> f.prefix(prefix)
                        .completion(c -> c.field(Fields.SUGGEST).size(PER_KIND).skipDuplicates(true)))));
    }

    /** The prefix as a Lucene regular expression matching itself literally. */
    static String regexPrefix(String prefix) {
        StringBuilder out = new StringBuilder();
        prefix.codePoints().forEach(cp -> {
            if (!Character.isLetterOrDigit(cp)) {
                out.append('\\');
            }
            out.appendCodePoint(cp);
        });
        return out.toString();
    }

    static Suggestions suggestions(SearchResponse<ObjectNode> response) {
        Map<String, Item> items = new LinkedHashMap<>();
        for (Suggestion<ObjectNode> s : response.suggest().getOrDefault(TITLES, List.of())) {
            if (s.isCompletion()) {
                s.completion().options().forEach(o -> items.putIfAbsent(o.text(), new Item(o.text(), "title")));
            }
        }
        response.hits().hits().forEach(h -> {
            if (h.source() != null && h.source().hasNonNull(Fields.TITLE)) {
                String title = h.source().get(Fields.TITLE).asText();
                items.putIfAbsent(title, new Item(title, "title"));
            }
        });
        Aggregate names = response.aggregations().get(NAMES);
        Map<String, Aggregate> byKind =
                names != null && names.isGlobal() ? names.global().aggregations() : Map.of();
        KINDS.keySet().forEach(kind -> {
            Aggregate agg = byKind.get(kind);
            if (agg != null && agg.isSterms()) {
                agg.sterms().buckets().array().forEach(b -> {
                    String value = b.key().stringValue();
                    items.putIfAbsent(value, new Item(value, kind));
                });
            }
        });
        List<Item> list = new ArrayList<>(items.values());
        // Places, people and themes are short and exact: they go before titles that merely contain the prefix.
        list.sort((a, b) -> Boolean.compare(a.kind().equals("title"), b.kind().equals("title")));
        List<Item> limited = list.subList(0, Math.min(LIMIT, list.size()));
        return new Suggestions(limited.stream().map(Item::text).toList(), List.copyOf(limited));
    }
}
