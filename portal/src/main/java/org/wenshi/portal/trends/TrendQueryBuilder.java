package org.wenshi.portal.trends;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.util.NamedValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.wenshi.portal.search.SearchQueryBuilder;
import org.wenshi.portal.trends.TrendCriteria.GroupBy;
import org.wenshi.portal.trends.TrendCriteria.Kind;
import org.wenshi.schema.Fields;

/**
 * Turns {@link TrendCriteria} into one Elasticsearch request, with no hits and no per-year loop:
 * <pre>
 * query: the facet filters, reprints left out            (the same documents search counts)
 * aggs:  total:  terms(year | province | city [→ terms(year)])            documents per point
 *        series: filters{s0: term 0, s1: term 1, …} → the same grouping   matching documents per point
 * </pre>
 * A term is matched by exactly the query {@link SearchQueryBuilder#query} builds for search, so
 * each point's {@code docs} is what {@code /api/search} reports for that term, year and place.
 */
@Component
public class TrendQueryBuilder {
    static final String TOTAL = "total";
    static final String SERIES = "series";
    static final String GROUPS = "groups";
    static final String YEARS = "years";
    /** More than all the years there are documents of (1 … 9999 allowed; in practice 1900 … today). */
    static final int YEAR_BUCKETS = 3000;

    static final int PROVINCE_BUCKETS = 50;
    /** China has about 330 prefecture-level divisions; renamed and historical ones come on top. */
    static final int CITY_BUCKETS = 1000;

    private final SearchQueryBuilder search;

    public TrendQueryBuilder(SearchQueryBuilder search) {
        this.search = search;
    }

    public SearchRequest build(TrendCriteria criteria, String index) {
        Map<String, Query> filters = new LinkedHashMap<>();
        List<TrendCriteria.Series> series = criteria.series();
        for (int i = 0; i < series.size(); i++) {
            filters.put(key(i), seriesQuery(series.get(i)));
        }
        Aggregation grouping = grouping(criteria);
        Aggregation perSeries = Aggregation.of(
                a -> a.filters(f -> f.filters(b -> b.keyed(filters))).aggregations(GROUPS, grouping));
        return SearchRequest.of(s -> s.index(index)
                .size(0)
                .trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(b ->
                        b.filter(search.allFilters(criteria.filters(), null)).mustNot(SearchQueryBuilder.REPRINT)))
                .aggregations(TOTAL, grouping)
                .aggregations(SERIES, perSeries));
    }

    /** The key of the {@code i}-th series in the filters aggregation. */
    static String key(int i) {
        return "s" + i;
    }

    Query seriesQuery(TrendCriteria.Series series) {
        if (series.kind() == Kind.THEME) {
            return Query.of(q -> q.term(t -> t.field(Fields.THEMES).value(series.label())));
        }
        return search.query(series.query());
    }

    static Aggregation grouping(TrendCriteria criteria) {
        Aggregation years = Aggregation.of(
                a -> a.terms(t -> t.field(Fields.YEAR).size(YEAR_BUCKETS).order(NamedValue.of("_key", SortOrder.Asc))));
        GroupBy by = criteria.by();
        if (by == GroupBy.YEAR) {
            return years;
        }
        int size = by == GroupBy.PROVINCE ? PROVINCE_BUCKETS : CITY_BUCKETS;
        if (criteria.split()) {
            return Aggregation.of(
                    a -> a.terms(t -> t.field(by.field()).size(size)).aggregations(YEARS, years));
        }
        return Aggregation.of(a -> a.terms(t -> t.field(by.field()).size(size)));
    }
}
