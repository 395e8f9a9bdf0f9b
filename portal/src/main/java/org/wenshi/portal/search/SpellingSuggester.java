package org.wenshi.portal.search;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import co.elastic.clients.elasticsearch.core.search.TermSuggestOption;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.wenshi.portal.system.ElasticsearchAccess;
import org.wenshi.schema.Fields;
import reactor.core.publisher.Mono;

/**
 * "Did you mean": for a search that found nothing, corrects characters typed wrong (郑洲 → 郑州,
 * 工做报告 → 工作报告). Chinese has no spaces and a misspelled word is not a word, so the
 * suggestions come from Elasticsearch's term suggester on the character bigrams of the text: each
 * bigram of the query that the index lacks gets the indexed bigram one character away, and that one
 * character is replaced in what the reader typed. Only called for empty results (one extra request
 * then), never changes the query on its own, and returns nothing rather than a doubtful guess.
 */
@Component
public class SpellingSuggester {
    static final String SUGGESTION = "spelling";

    private final ElasticsearchAccess elasticsearch;

    public SpellingSuggester(ElasticsearchAccess elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    /** The corrected query text, or empty when there is nothing to correct. */
    public Mono<String> suggest(String q) {
        if (q == null || q.isBlank()) {
            return Mono.empty();
        }
        SearchRequest request = request(elasticsearch.names().alias(), q);
        return elasticsearch
                .execute("suggest", es -> es.search(request, ObjectNode.class))
                .flatMap(response -> {
                    List<Correction> corrections = new ArrayList<>();
                    for (Suggestion<ObjectNode> s : response.suggest().getOrDefault(SUGGESTION, List.of())) {
                        if (!s.isTerm()) {
                            continue;
                        }
                        var term = s.term();
                        term.options().stream()
                                .map(TermSuggestOption::text)
                                .filter(option -> option.length() == 2)
                                .findFirst()
                                .ifPresent(
                                        option -> corrections.add(new Correction(term.offset(), term.text(), option)));
                    }
                    String corrected = apply(q, corrections);
                    return corrected.equals(q) ? Mono.empty() : Mono.just(corrected);
                })
                .onErrorResume(e -> Mono.empty());
    }

    static SearchRequest request(String index, String q) {
        return SearchRequest.of(s -> s.index(index).size(0).suggest(sg -> sg.text(q)
                .suggesters(
                        SUGGESTION,
                        f -> f.term(t -> t.field(Fields.TEXT_BIGRAMS)
                                .suggestMode(co.elastic.clients.elasticsearch._types.SuggestMode.Missing)
                                .minWordLength(2)
                                .prefixLength(0)
                                .maxEdits(1)
                                .size(3)))));
    }

    /** A bigram of the query at {@code offset} and the indexed bigram one character away. */
    record Correction(int offset, String bigram, String replacement) {}

    /**
     * Replaces, left to right, the one differing character of each correction in {@code q}; a
     * position already corrected is never corrected again (the overlapping bigram 做报 must not undo
     * 工做 → 工作).
     */
    static String apply(String q, List<Correction> corrections) {
        Map<Integer, Character> changes = new TreeMap<>();
        List<Correction> sorted = new ArrayList<>(corrections);
        sorted.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
        for (Correction c : sorted) {
            if (c.bigram().length() != 2 || c.replacement().length() != 2) {
                continue;
            }
            int differing = -1;
            for (int k = 0; k < 2; k++) {
                if (c.bigram().charAt(k) != c.replacement().charAt(k)) {
                    differing = differing == -1 ? k : -2;
                }
            }
            int at = c.offset() + differing;
            int other = c.offset() + 1 - differing;
            if (differing < 0 || other >= q.length() || changes.containsKey(at) || changes.containsKey(other)) {
                continue;
            }
            changes.put(at, c.replacement().charAt(differing));
        }
        StringBuilder out = new StringBuilder(q);
        changes.forEach(out::setCharAt);
        return out.toString();
    }
}
