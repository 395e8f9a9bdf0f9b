package org.wenshi.portal.trends;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.wenshi.portal.search.Facet;
import org.wenshi.portal.search.QueryParser;
import org.wenshi.portal.search.SearchCriteria;
import org.wenshi.portal.search.UserQuery;
import org.wenshi.portal.system.ApiException;
import org.wenshi.schema.Fields;

/**
 * One trends view as the analyst asked for it, validated: the series (up to {@link #MAX_SERIES}
 * {@code term}s in the query language of search, or, without any term, up to as many {@code theme}s,
 * each counted as its share), how they are grouped ({@code by}, and {@code split=year} for a
 * place × year grid) and the facet filters of search. {@link #from} refuses every malformed value
 * with a 400 naming the parameter.
 *
 * @param series  what is counted, in the order asked
 * @param by      what the points are grouped by
 * @param split   whether each place is split by year as well (the heatmap); only with a place {@code by}
 * @param filters the facet filters and year range, as search reads them; no query text
 * @param smoothing with {@code by=year}: each point also given over the years within this many of it
 *     on either side (0: none), as the Ngram Viewer's smoothing
 */
public record TrendCriteria(List<Series> series, GroupBy by, boolean split, SearchCriteria filters, int smoothing) {
    public static final int MAX_SERIES = 6;
    public static final String TERM = "term";
    public static final String BY = "by";
    public static final String SPLIT = "split";
    public static final String SMOOTHING = "smoothing";
    public static final int MAX_SMOOTHING = 10;

    /**
     * Parameters that are not facet filters: a trend has no query text, paging or order, and the
     * page's own (view, scale, metric) and the trend's (term, by, split) are read by their owners.
     */
    private static final Set<String> NOT_FILTERS = Set.of(
            TERM,
            BY,
            SPLIT,
            SMOOTHING,
            SearchCriteria.Q,
            SearchCriteria.WITHIN,
            SearchCriteria.SORT,
            SearchCriteria.PAGE,
            SearchCriteria.SIZE,
            "lang",
            "view",
            "scale",
            "metric");

    /** What a series counts. */
    public enum Kind {
        TERM,
        THEME;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One series.
     *
     * @param label the term as typed, or the theme's name
     * @param kind  a term of the query language or a theme
     * @param query the term parsed ({@link UserQuery#EMPTY} for a theme)
     */
    public record Series(String label, Kind kind, UserQuery query) {}

    /** How points are grouped: by year of publication, or by the document's province or city. */
    public enum GroupBy {
        YEAR("year", Fields.YEAR),
        PROVINCE("province", Fields.PROVINCE),
        CITY("city", Fields.CITY);

        private final String parameter;
        private final String field;

        GroupBy(String parameter, String field) {
            this.parameter = parameter;
            this.field = field;
        }

        public String parameter() {
            return parameter;
        }

        public String field() {
            return field;
        }

        public boolean place() {
            return this != YEAR;
        }
    }

    public TrendCriteria {
        series = List.copyOf(series);
    }

    /** Validates and reads the request parameters; throws a 400 {@link ApiException} for any bad value. */
    public static TrendCriteria from(MultiValueMap<String, String> params) {
        List<String> rawTerms = params.getOrDefault(TERM, List.of());
        if (rawTerms.size() > MAX_SERIES) {
            throw ApiException.badRequest(
                    "too_many_terms",
                    "At most " + MAX_SERIES + " terms can be compared; " + rawTerms.size() + " were given / 最多比较 "
                            + MAX_SERIES + " 个检索词");
        }
        Set<String> terms = new LinkedHashSet<>();
        for (String raw : rawTerms) {
            String term = raw == null ? "" : raw.strip();
            if (term.codePointCount(0, term.length()) > SearchCriteria.MAX_QUERY_LENGTH) {
                throw ApiException.badRequest(
                        "term_too_long",
                        "A term is longer than " + SearchCriteria.MAX_QUERY_LENGTH + " characters / 检索词不能超过 "
                                + SearchCriteria.MAX_QUERY_LENGTH + " 个字");
            }
            if (term.isEmpty()) {
                throw ApiException.badRequest("empty_term", "A term is empty / 检索词不能为空");
            }
            terms.add(term);
        }

        GroupBy by = GroupBy.YEAR;
        String byValue = SearchCriteria.single(params, BY);
        if (byValue != null && !byValue.isBlank()) {
            by = switch (byValue.strip()) {
                case "year" -> GroupBy.YEAR;
                case "province" -> GroupBy.PROVINCE;
                case "city" -> GroupBy.CITY;
                default ->
                    throw ApiException.badRequest(
                            "invalid_by", "by must be year, province or city / by 须为 year、province 或 city");
            };
        }
        boolean split = false;
        String splitValue = SearchCriteria.single(params, SPLIT);
        if (splitValue != null && !splitValue.isBlank()) {
            if (!splitValue.strip().equals("year") || !by.place()) {
                throw ApiException.badRequest(
                        "invalid_split",
                        "split=year goes with by=province or by=city / split=year 只能与 by=province 或 by=city 同用");
            }
            split = true;
        }

        int smoothing = 0;
        String smoothingValue = SearchCriteria.single(params, SMOOTHING);
        if (smoothingValue != null && !smoothingValue.isBlank()) {
            String v = smoothingValue.strip();
            if (!v.matches("\\d{1,2}") || Integer.parseInt(v) > MAX_SMOOTHING || by != GroupBy.YEAR) {
                throw ApiException.badRequest(
                        "invalid_smoothing",
                        "smoothing is a number of years from 0 to " + MAX_SMOOTHING
                                + ", with by=year / smoothing 须为 0 至 " + MAX_SMOOTHING + " 的年数，且只用于按年统计");
            }
            smoothing = Integer.parseInt(v);
        }

        MultiValueMap<String, String> filterParams = filterParameters(params);
        List<Series> series = new ArrayList<>();
        if (terms.isEmpty()) {
            // No term: each theme asked for is a series of its own (its share), not a filter.
            List<String> themes = filterParams.remove(Facet.THEME.key());
            SearchCriteria filters = SearchCriteria.from(filterParams);
            Set<String> distinct = new LinkedHashSet<>();
            for (String t : themes == null ? List.<String>of() : themes) {
                if (t != null && !t.isBlank()) {
                    distinct.add(t.strip());
                }
            }
            if (distinct.isEmpty()) {
                throw ApiException.badRequest("missing_term", "Give at least one term (or theme) / 请至少给出一个检索词或主题");
            }
            if (distinct.size() > MAX_SERIES) {
                throw ApiException.badRequest(
                        "too_many_terms",
                        "At most " + MAX_SERIES + " themes can be compared / 最多比较 " + MAX_SERIES + " 个主题");
            }
            for (String theme : distinct) {
                if (theme.length() > SearchCriteria.MAX_VALUE_LENGTH) {
                    throw ApiException.badRequest("invalid_parameter", "theme values must be names / theme 取值无效");
                }
                series.add(new Series(theme, Kind.THEME, UserQuery.EMPTY));
            }
            return new TrendCriteria(series, by, split, filters, smoothing);
        }
        SearchCriteria filters = SearchCriteria.from(filterParams);
        for (String term : terms) {
            UserQuery query = QueryParser.parse(term);
            if (query.isEmpty()) {
                throw ApiException.badRequest(
                        "empty_term", "The term " + quoted(term) + " has no words to look for / 检索词没有可检索的内容");
            }
            if (query.termCount() > SearchCriteria.MAX_TERMS) {
                throw ApiException.badRequest(
                        "query_too_complex",
                        "A term has more than " + SearchCriteria.MAX_TERMS + " words / 检索词不能多于 "
                                + SearchCriteria.MAX_TERMS + " 个");
            }
            series.add(new Series(term, Kind.TERM, query));
        }
        return new TrendCriteria(series, by, split, filters, smoothing);
    }

    /** The parameters that reproduce this view (for links, permalinks and the CSV link). */
    public MultiValueMap<String, String> toParameters() {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (Series s : series) {
            params.add(s.kind() == Kind.TERM ? TERM : Facet.THEME.key(), s.label());
        }
        if (by != GroupBy.YEAR) {
            params.add(BY, by.parameter());
        }
        if (split) {
            params.add(SPLIT, "year");
        }
        if (smoothing > 0) {
            params.add(SMOOTHING, Integer.toString(smoothing));
        }
        filters.toParameters().forEach((name, values) -> values.forEach(v -> params.add(name, v)));
        return params;
    }

    /** The facet filter parameters among {@code params} (a copy), for {@link SearchCriteria#from}. */
    static MultiValueMap<String, String> filterParameters(MultiValueMap<String, String> params) {
        MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
        params.forEach((name, values) -> {
            if (!NOT_FILTERS.contains(name)) {
                filters.put(name, values);
            }
        });
        return filters;
    }

    private static String quoted(String term) {
        return "“" + (term.length() > 40 ? term.substring(0, 40) + "…" : term) + "”";
    }
}
