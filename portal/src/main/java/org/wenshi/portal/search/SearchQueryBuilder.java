package org.wenshi.portal.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.ChildScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.util.NamedValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.wenshi.portal.search.UserQuery.AnyOf;
import org.wenshi.portal.search.UserQuery.Clause;
import org.wenshi.portal.search.UserQuery.Phrase;
import org.wenshi.portal.search.UserQuery.Scope;
import org.wenshi.portal.search.UserQuery.Term;
import org.wenshi.portal.search.UserQuery.Word;
import org.wenshi.schema.Fields;

/**
 * Turns {@link SearchCriteria} into one Elasticsearch search request. The one place that knows how
 * Chinese text is matched here:
 * <ul>
 * <li>a word is looked for both in {@code text} (words, smartcn) and {@code text.bigrams}
 * (character bigrams, which find words the segmenter split differently), the title counting more;
 * each with a {@code minimum_should_match}, so a long sentence typed as a query still finds the
 * documents that share most of it instead of none, and the exact sequence earns a bonus;</li>
 * <li>a phrase is a {@code match_phrase} on the bigram fields: consecutive bigrams make it exact,
 * {@code "有事好商量"} never matches scattered characters;</li>
 * <li>an exclusion removes documents containing the term as a phrase.</li>
 * </ul>
 * Traditional/simplified and full-/half-width forms are folded by the analyzers, so user text is
 * sent as typed. Facet filters go into the {@code post_filter}, and each facet's counts are taken
 * under the filters of all <em>other</em> facets: choosing 巴中市 narrows provinces and years but
 * still lists the other cities with their counts. Never builds query-string syntax from user text.
 */
@Component
public class SearchQueryBuilder {
    /** Per word, on the word fields: up to 3 analyzed words all required, then 75%, beyond 8 words 60%. */
    static final String WORD_TOKENS_TO_MATCH = "3<75% 6<40%";
    /**
     * Per word, on the bigram fields: stricter, as bigrams overlap ({@code 郑州市委员会} must not find
     * {@code 巴中市委员会} through {@code 市委 委员 员会} alone).
     */
    static final String BIGRAMS_TO_MATCH = "3<80% 8<40%";
    /** Across space-separated words: up to 3 all required, then 75% of them. */
    static final String WORDS_TO_MATCH = "3<75%";

    static final float TITLE_BOOST = 3.0f;
    static final float ADJACENCY_BOOST = 2.0f;
    static final float TITLE_OVERLAP_BOOST = 1.0f;
    /**
     * A question (a word from which {@link QuestionWords} cut something) shares only part of its
     * wording with the passage that answers it: any shared token makes a candidate, as in a plain OR
     * query, and the ranking decides. On the real question sets a share required of it (the rules
     * above) lost 1-3 % of the answers from the first ten (docs/quality.md, "Real questions").
     */
    static final String QUESTION_TOKENS_TO_MATCH = "1";
    /**
     * The title's weight for a question: a title names a subject, and many passages share it, so the
     * keyword queries' x3 ranked the passages of whichever article a question's words named above the
     * one answering it (DRCD MRR@10 0.92 at x3, 0.96 at x1, 0.97 at x0.3, docs/quality.md).
     */
    static final float QUESTION_TITLE_BOOST = 0.3f;

    static final int FRAGMENT_SIZE = 120;
    static final int FRAGMENTS = 3;
    static final int NO_MATCH_SIZE = 160;
    static final int FACET_SIZE = 50;
    static final int YEAR_FACET_SIZE = 500;
    /** Name of the terms aggregation inside each facet's filter aggregation. */
    static final String VALUES = "values";
    /** Aggregation of provinces › cities › counties. */
    static final String PLACE_TREE = "place_tree";
    /** Aggregation counting the hits of the query without any filter. */
    static final String UNFILTERED = "unfiltered";
    /** Inner hits of the matching pages of a scanned document. */
    static final String PAGES_INNER_HITS = "pages";

    static final int PAGES_LISTED = 10;
    /** More than the 34 province-level divisions. */
    static final int PROVINCES = 40;

    static final String MARK_OPEN = "<mark>";
    static final String MARK_CLOSE = "</mark>";

    /** What a hit shows; {@code text} is left out of {@code _source}, snippets come from highlighting. */
    static final List<String> HIT_FIELDS = List.of(
            Fields.ID,
            Fields.TITLE,
            Fields.DATE,
            Fields.YEAR,
            Fields.PROVINCE,
            Fields.CITY,
            Fields.COUNTY,
            Fields.THEMES,
            Fields.TYPE,
            Fields.SOURCE,
            Fields.URL,
            Fields.REPRINTS);

    /**
     * Copies found at ingest ({@code canonical: false}) stay out of results and counts: the canonical
     * document of their {@code duplicate_group} stands for them, and its {@code reprints} (counted at
     * ingest) says how many copies it has ("N 个转载版本").
     */
    public static final Query REPRINT =
            Query.of(q -> q.term(t -> t.field(Fields.CANONICAL).value(false)));

    public SearchRequest build(SearchCriteria criteria, String index) {
        return SearchRequest.of(s -> s.index(index)
                .query(fullQuery(criteria))
                .postFilter(allFilters(criteria, null))
                .aggregations(aggregations(criteria))
                .sort(sort(criteria))
                .from(criteria.from())
                .size(criteria.size())
                .trackTotalHits(t -> t.enabled(true))
                .source(src -> src.filter(f -> f.includes(HIT_FIELDS)))
                .highlight(highlight()));
    }

    /**
     * What the user typed and every query searched within, all required; reprints left out; and,
     * scoring nothing, the pages of scanned documents that match, returned as inner hits.
     */
    Query fullQuery(SearchCriteria criteria) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.must(query(criteria.query()));
        for (UserQuery within : criteria.withinQueries()) {
            if (!within.isEmpty()) {
                bool.must(query(within));
            }
        }
        bool.mustNot(REPRINT);
        Query titleOverlap = titleOverlap(criteria.query());
        if (titleOverlap != null) {
            bool.should(titleOverlap);
        }
        Query pages = matchingPages(criteria);
        if (pages != null) {
            bool.should(pages);
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /**
     * Scoring only, never required: how much of the query's wording a title shares, bigram by bigram
     * and without the percentage thresholds of {@link #word}. A short title that is exactly on topic
     * (回忆抗日游击队 for "有没有回忆抗日战争时期游击队的文章") falls below those thresholds and would
     * otherwise get no title score at all.
     */
    Query titleOverlap(UserQuery query) {
        List<String> words = new ArrayList<>();
        for (Clause clause : query.required()) {
            if (clause instanceof Word w && w.scope() == Scope.ALL) {
                if (!QuestionWords.strip(w.text()).equals(w.text())) {
                    return null; // a question: its title weighs QUESTION_TITLE_BOOST, no more
                }
                words.add(w.text());
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        String text = String.join(" ", words);
        return Query.of(
                q -> q.match(m -> m.field(Fields.TITLE_BIGRAMS).query(text).boost(TITLE_OVERLAP_BOOST)));
    }

    /**
     * A nested query over {@code pages} that finds the pages holding any of the terms the user
     * asked for, as inner hits named {@link #PAGES_INNER_HITS} (page numbers only, best pages
     * first). It scores nothing ({@code score_mode: none}), so it never changes the ranking.
     */
    Query matchingPages(SearchCriteria criteria) {
        List<Query> terms = new ArrayList<>();
        List<UserQuery> queries = new ArrayList<>();
        queries.add(criteria.query());
        queries.addAll(criteria.withinQueries());
        for (UserQuery userQuery : queries) {
            for (Clause clause : userQuery.required()) {
                List<Term> alternatives = clause instanceof AnyOf any ? any.terms() : List.of((Term) clause);
                for (Term term : alternatives) {
                    if (term.scope() == Scope.ALL) {
                        terms.add(
                                term instanceof Phrase
                                        ? matchPhrase(Fields.PAGE_TEXT_BIGRAMS, term.text(), 1.0f)
                                        : match(Fields.PAGE_TEXT_BIGRAMS, term.text(), 1.0f, WORD_TOKENS_TO_MATCH));
                    }
                }
            }
        }
        if (terms.isEmpty()) {
            return null;
        }
        return Query.of(q -> q.nested(n -> n.path(Fields.PAGES)
                .scoreMode(ChildScoreMode.None)
                .query(inner -> inner.bool(b -> b.should(terms).minimumShouldMatch("1")))
                .innerHits(ih -> ih.name(PAGES_INNER_HITS)
                        .size(PAGES_LISTED)
                        .source(src -> src.fetch(false))
                        .docvalueFields(f -> f.field(Fields.PAGE_N)))));
    }

    /** The facets, the place hierarchy and, when filters are set, the count without them. */
    Map<String, Aggregation> aggregations(SearchCriteria criteria) {
        Map<String, Aggregation> aggregations = facets(criteria);
        aggregations.put(PLACE_TREE, placeTree(criteria));
        if (!criteria.filters().isEmpty() || !criteria.ranges().isEmpty()) {
            aggregations.put(UNFILTERED, Aggregation.of(a -> a.filter(f -> f.matchAll(m -> m))));
        }
        return aggregations;
    }

    /**
     * Provinces, their cities and the cities' counties, counted under every filter but the place
     * filters: the results page shows them as one tree.
     */
    Aggregation placeTree(SearchCriteria criteria) {
        List<Query> filters = new ArrayList<>();
        for (Facet facet : Facet.values()) {
            Query f = Facet.PLACES.contains(facet) ? null : filter(facet, criteria);
            if (f != null) {
                filters.add(f);
            }
        }
        Aggregation counties =
                Aggregation.of(a -> a.terms(t -> t.field(Fields.COUNTY).size(FACET_SIZE)));
        Aggregation cities = Aggregation.of(
                a -> a.terms(t -> t.field(Fields.CITY).size(FACET_SIZE)).aggregations(VALUES, counties));
        Aggregation provinces = Aggregation.of(
                a -> a.terms(t -> t.field(Fields.PROVINCE).size(PROVINCES)).aggregations(VALUES, cities));
        return Aggregation.of(a -> a.filter(f -> f.bool(b -> b.filter(filters))).aggregations(VALUES, provinces));
    }

    /** The full-text part: what the user typed, before any facet filter (trends count with it too). */
    public Query query(UserQuery userQuery) {
        if (userQuery.isEmpty()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        BoolQuery.Builder bool = new BoolQuery.Builder();
        List<Query> words = new ArrayList<>();
        for (Clause clause : userQuery.required()) {
            if (clause instanceof Word word) {
                words.add(word(word));
            } else {
                bool.must(clause(clause));
            }
        }
        if (!words.isEmpty()) {
            bool.should(words).minimumShouldMatch(WORDS_TO_MATCH);
        }
        if (userQuery.required().isEmpty()) {
            bool.must(m -> m.matchAll(a -> a));
        }
        for (Term term : userQuery.excluded()) {
            bool.mustNot(exclusion(term));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    private Query clause(Clause clause) {
        if (clause instanceof Word w) {
            return word(w);
        }
        if (clause instanceof Phrase p) {
            return phrase(p);
        }
        AnyOf any = (AnyOf) clause;
        return Query.of(q -> q.bool(
                b -> b.should(any.terms().stream().map(this::clause).toList()).minimumShouldMatch("1")));
    }

    private Query word(Word word) {
        String typed = word.text();
        String text = QuestionWords.strip(typed);
        boolean question = !text.equals(typed);
        String bigrams = question ? QUESTION_TOKENS_TO_MATCH : BIGRAMS_TO_MATCH;
        String words = question ? QUESTION_TOKENS_TO_MATCH : WORD_TOKENS_TO_MATCH;
        float title = question ? QUESTION_TITLE_BOOST : TITLE_BOOST;
        List<Query> should = new ArrayList<>();
        if (word.scope() == Scope.ALL) {
            should.add(match(Fields.TEXT, text, 1.0f, words));
            should.add(match(Fields.TEXT_BIGRAMS, text, 1.0f, bigrams));
            should.add(Query.of(q ->
                    q.matchPhrase(m -> m.field(Fields.TEXT_BIGRAMS).query(typed).boost(ADJACENCY_BOOST))));
            should.add(match(Fields.TITLE, text, title, words));
            should.add(match(Fields.TITLE_BIGRAMS, text, title, bigrams));
        } else {
            should.add(match(Fields.TITLE, text, 1.0f, words));
            should.add(match(Fields.TITLE_BIGRAMS, text, 1.0f, bigrams));
        }
        return Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
    }

    private static Query match(String field, String text, float boost, String toMatch) {
        return Query.of(q -> q.match(
                m -> m.field(field).query(text).minimumShouldMatch(toMatch).boost(boost)));
    }

    private Query phrase(Phrase phrase) {
        String text = phrase.text();
        if (phrase.scope() == Scope.TITLE) {
            return matchPhrase(Fields.TITLE_BIGRAMS, text, 1.0f);
        }
        return Query.of(q -> q.bool(b -> b.should(matchPhrase(Fields.TEXT_BIGRAMS, text, 1.0f))
                .should(matchPhrase(Fields.TITLE_BIGRAMS, text, TITLE_BOOST))
                .minimumShouldMatch("1")));
    }

    /** A document is excluded when it contains the term, exactly, where the term is looked for. */
    private Query exclusion(Term term) {
        String text = term.text();
        if (term.scope() == Scope.TITLE) {
            return matchPhrase(Fields.TITLE_BIGRAMS, text, 1.0f);
        }
        return Query.of(q -> q.bool(b -> b.should(matchPhrase(Fields.TEXT_BIGRAMS, text, 1.0f))
                .should(matchPhrase(Fields.TITLE_BIGRAMS, text, 1.0f))
                .minimumShouldMatch("1")));
    }

    private static Query matchPhrase(String field, String text, float boost) {
        return Query.of(q -> q.matchPhrase(m -> m.field(field).query(text).boost(boost)));
    }

    /** The filter of one facet, or {@code null} when the search does not narrow it. */
    public Query filter(Facet facet, SearchCriteria criteria) {
        if (facet.ranged()) {
            if (!criteria.filters(facet)) {
                return null;
            }
            SearchCriteria.YearRange range = criteria.range(facet);
            return Query.of(q -> q.range(r -> r.number(n -> {
                n.field(facet.field());
                if (range.from() != null) {
                    n.gte(range.from().doubleValue());
                }
                if (range.to() != null) {
                    n.lte(range.to().doubleValue());
                }
                return n;
            })));
        }
        List<String> values = criteria.values(facet);
        if (values.isEmpty()) {
            return null;
        }
        List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(facet.field()).terms(v -> v.value(terms))));
    }

    /** All facet filters but {@code except}'s, AND-ed; matches everything when there are none. */
    public Query allFilters(SearchCriteria criteria, Facet except) {
        List<Query> filters = new ArrayList<>();
        for (Facet facet : Facet.values()) {
            Query f = facet == except ? null : filter(facet, criteria);
            if (f != null) {
                filters.add(f);
            }
        }
        return Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    /**
     * One filter aggregation per facet holding the terms of that facet: the filter is every
     * <em>other</em> facet's selection, so the values of a facet stay visible while one is chosen.
     */
    Map<String, Aggregation> facets(SearchCriteria criteria) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            Aggregation values = facet.ranged()
                    ? Aggregation.of(a -> a.terms(t -> t.field(facet.field())
                            .size(YEAR_FACET_SIZE)
                            .order(NamedValue.of("_key", co.elastic.clients.elasticsearch._types.SortOrder.Asc))))
                    : Aggregation.of(a -> a.terms(t -> t.field(facet.field()).size(FACET_SIZE)));
            aggregations.put(facet.key(), Aggregation.of(a -> a.filter(allFilters(criteria, facet))
                    .aggregations(VALUES, values)));
        }
        return aggregations;
    }

    /**
     * Relevance first (newest among equals); browsing without a query has no relevance, so it
     * shows the newest first. Documents without a date come last; the id breaks ties so that paging
     * is stable.
     */
    List<SortOptions> sort(SearchCriteria criteria) {
        var desc = co.elastic.clients.elasticsearch._types.SortOrder.Desc;
        var asc = co.elastic.clients.elasticsearch._types.SortOrder.Asc;
        List<SortOptions> sort = new ArrayList<>();
        SortOrder order = criteria.sort();
        if (order == SortOrder.RELEVANCE && criteria.hasText()) {
            sort.add(SortOptions.of(s -> s.score(sc -> sc.order(desc))));
        }
        var dateOrder = order == SortOrder.OLDEST ? asc : desc;
        sort.add(SortOptions.of(
                s -> s.field(f -> f.field(Fields.DATE).order(dateOrder).missing("_last"))));
        sort.add(SortOptions.of(
                s -> s.field(f -> f.field(Fields.YEAR).order(dateOrder).missing("_last"))));
        if (order != SortOrder.RELEVANCE) {
            sort.add(SortOptions.of(s -> s.score(sc -> sc.order(desc))));
        }
        sort.add(SortOptions.of(s -> s.field(f -> f.field(Fields.ID).order(asc).missing("_last"))));
        return sort;
    }

    /**
     * Snippets: HTML-escaped text in which only {@code <mark>} is markup. The bigram field marks
     * phrases and words alike; the word field covers matches only the segmenter found and, with
     * {@code no_match_size}, gives the beginning of the text when nothing matched.
     */
    static Highlight highlight() {
        return Highlight.of(h -> h.type(HighlighterType.Unified)
                .encoder(HighlighterEncoder.Html)
                .preTags(MARK_OPEN)
                .postTags(MARK_CLOSE)
                .fields(Fields.TEXT_BIGRAMS, f -> f.fragmentSize(FRAGMENT_SIZE).numberOfFragments(FRAGMENTS))
                .fields(Fields.TEXT, f -> f.fragmentSize(FRAGMENT_SIZE)
                        .numberOfFragments(FRAGMENTS)
                        .noMatchSize(NO_MATCH_SIZE)));
    }
}
