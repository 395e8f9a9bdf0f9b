package org.wenshi.portal.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.wenshi.portal.system.ApiException;

/**
 * One search as the reader asked for it, validated: the API and the results page both build it
 * from the request parameters with {@link #from}, which refuses every malformed value with a
 * 400 {@link ApiException} naming the parameter. Past this point nothing is unchecked user input
 * except the query texts, which only {@link QueryParser} interprets.
 *
 * <p>Unknown parameters are ignored (pages carry {@code lang}, links may carry tracking
 * parameters); empty values, as HTML forms send them, count as absent.
 *
 * @param q       the query text as typed, or {@code ""}
 * @param query   {@code q} parsed
 * @param within  earlier queries this one searches within ({@code within=}, repeatable): each must match too
 * @param filters selected values per facet (OR within a facet, AND across facets); never a ranged facet
 * @param ranges  the year range per ranged facet ({@link Facet#YEAR}, {@link Facet#COVERED}); absent when not filtered
 * @param sort    the order of the hits
 * @param page    1-based page number
 * @param size    hits per page
 */
public record SearchCriteria(
        String q,
        UserQuery query,
        List<String> within,
        Map<Facet, List<String>> filters,
        Map<Facet, YearRange> ranges,
        SortOrder sort,
        int page,
        int size) {

    public static final int MAX_QUERY_LENGTH = 1000;
    public static final int MAX_TERMS = 64;
    public static final int MAX_WITHIN = 5;
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_VALUE_LENGTH = 200;
    public static final int MAX_VALUES_PER_FACET = 50;
    /** Elasticsearch's {@code index.max_result_window}: deeper pages cannot be fetched with from/size. */
    public static final int MAX_RESULT_WINDOW = 10_000;

    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    public static final String Q = "q";
    public static final String WITHIN = "within";
    public static final String YEAR_FROM = Facet.YEAR.fromParameter();
    public static final String YEAR_TO = Facet.YEAR.toParameter();
    public static final String SORT = "sort";
    public static final String PAGE = "page";
    public static final String SIZE = "size";

    private static final Pattern NUMBER = Pattern.compile("\\p{Nd}{1,9}");
    private static final String YEAR_EXPECTED = "a year (whole number) from " + MIN_YEAR + " to " + MAX_YEAR
            + " / 年份须为 " + MIN_YEAR + " 到 " + MAX_YEAR + " 的整数";

    /** A range of years, either end open ({@code null}). */
    public record YearRange(Integer from, Integer to) {
        /** The range as its chip shows it: {@code 1950–1960}, {@code 1950–}, {@code –1960} or {@code 1955}. */
        public String label() {
            String f = from == null ? "" : from.toString();
            String t = to == null ? "" : to.toString();
            return f.equals(t) ? f : f + "–" + t;
        }
    }

    public SearchCriteria {
        q = q == null ? "" : q;
        query = query == null ? QueryParser.parse(q) : query;
        within = within == null
                ? List.of()
                : within.stream().filter(w -> w != null && !w.isBlank()).toList();
        EnumMap<Facet, List<String>> copy = new EnumMap<>(Facet.class);
        filters.forEach((facet, values) -> {
            if (!facet.ranged() && !values.isEmpty()) {
                copy.put(facet, List.copyOf(new LinkedHashSet<>(values)));
            }
        });
        filters = Collections.unmodifiableMap(copy);
        EnumMap<Facet, YearRange> rangeCopy = new EnumMap<>(Facet.class);
        if (ranges != null) {
            ranges.forEach((facet, range) -> {
                if (facet.ranged() && range != null && (range.from() != null || range.to() != null)) {
                    rangeCopy.put(facet, range);
                }
            });
        }
        ranges = Collections.unmodifiableMap(rangeCopy);
        sort = sort == null ? SortOrder.RELEVANCE : sort;
    }

    /** A search for everything, first page, default order. */
    public static SearchCriteria browseAll() {
        return new SearchCriteria(
                "", UserQuery.EMPTY, List.of(), Map.of(), Map.of(), SortOrder.RELEVANCE, 1, DEFAULT_SIZE);
    }

    /** Validates and reads the request parameters; throws a 400 {@link ApiException} for any bad value. */
    public static SearchCriteria from(MultiValueMap<String, String> params) {
        String q = single(params, Q);
        if (q == null) {
            q = "";
        }
        UserQuery query = parsed(q);
        int terms = query.termCount();
        List<String> within = new ArrayList<>();
        for (String w : params.getOrDefault(WITHIN, List.of())) {
            if (w != null && !w.isBlank() && !within.contains(w)) {
                within.add(w);
                terms += parsed(w).termCount();
            }
        }
        if (within.size() > MAX_WITHIN) {
            throw ApiException.badRequest(
                    "invalid_parameter",
                    WITHIN + " is given more than " + MAX_WITHIN + " times / 结果中检索不能超过 " + MAX_WITHIN + " 层");
        }
        if (terms > MAX_TERMS) {
            throw ApiException.badRequest(
                    "query_too_complex", "q has more than " + MAX_TERMS + " terms / 检索词不能多于 " + MAX_TERMS + " 个");
        }

        Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.BY_VALUE) {
            List<String> values = facetValues(facet, params.get(facet.key()));
            if (!values.isEmpty()) {
                filters.put(facet, values);
            }
        }

        Map<Facet, YearRange> ranges = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.RANGED) {
            Integer from = number(params, facet.fromParameter(), MIN_YEAR, MAX_YEAR, "invalid_year", YEAR_EXPECTED);
            Integer to = number(params, facet.toParameter(), MIN_YEAR, MAX_YEAR, "invalid_year", YEAR_EXPECTED);
            if (from != null && to != null && from > to) {
                throw ApiException.badRequest(
                        "invalid_year_range",
                        facet.fromParameter() + " (" + from + ") is after " + facet.toParameter() + " (" + to
                                + ") / 起始年份不能晚于结束年份");
            }
            if (from != null || to != null) {
                ranges.put(facet, new YearRange(from, to));
            }
        }

        String sortValue = single(params, SORT);
        SortOrder sort = SortOrder.RELEVANCE;
        if (sortValue != null && !sortValue.isBlank()) {
            sort = SortOrder.fromParameter(sortValue.trim())
                    .orElseThrow(() -> ApiException.badRequest(
                            "invalid_sort",
                            "sort must be relevance, newest or oldest / 排序方式须为 relevance、newest 或 oldest"));
        }

        Integer pageValue =
                number(params, PAGE, 1, Integer.MAX_VALUE, "invalid_page", "a whole number from 1 / 页码须为从 1 起的整数");
        Integer sizeValue = number(
                params,
                SIZE,
                1,
                MAX_SIZE,
                "invalid_size",
                "a whole number from 1 to " + MAX_SIZE + " / 每页条数须为 1 到 " + MAX_SIZE + " 的整数");
        int page = pageValue == null ? 1 : pageValue;
        int size = sizeValue == null ? DEFAULT_SIZE : sizeValue;
        if ((long) page * size > MAX_RESULT_WINDOW) {
            throw ApiException.badRequest(
                    "page_out_of_range",
                    "Only the first " + MAX_RESULT_WINDOW + " hits can be paged through; narrow the search / 只能翻阅前 "
                            + MAX_RESULT_WINDOW + " 条结果，请缩小检索范围");
        }
        return new SearchCriteria(q, query, within, filters, ranges, sort, page, size);
    }

    private static UserQuery parsed(String q) {
        if (q.codePointCount(0, q.length()) > MAX_QUERY_LENGTH) {
            throw ApiException.badRequest(
                    "query_too_long",
                    "q is longer than " + MAX_QUERY_LENGTH + " characters / 检索词不能超过 " + MAX_QUERY_LENGTH + " 个字");
        }
        return QueryParser.parse(q);
    }

    /** The earlier queries searched within, parsed. */
    public List<UserQuery> withinQueries() {
        return within.stream().map(QueryParser::parse).toList();
    }

    /** Whether there is any text to match (this query or one searched within). */
    public boolean hasText() {
        return !query.isEmpty() || withinQueries().stream().anyMatch(w -> !w.isEmpty());
    }

    /** The range of a ranged facet; both ends {@code null} when it does not filter. */
    public YearRange range(Facet facet) {
        return ranges.getOrDefault(facet, new YearRange(null, null));
    }

    public Integer yearFrom() {
        return range(Facet.YEAR).from();
    }

    public Integer yearTo() {
        return range(Facet.YEAR).to();
    }

    /** Offset of the first hit of this page. */
    public int from() {
        return (page - 1) * size;
    }

    /** The selected values of a facet, empty when it does not filter. */
    public List<String> values(Facet facet) {
        return filters.getOrDefault(facet, List.of());
    }

    /** Whether {@code facet} narrows the search at all. */
    public boolean filters(Facet facet) {
        return facet.ranged() ? ranges.containsKey(facet) : filters.containsKey(facet);
    }

    public SearchCriteria withPage(int newPage) {
        return new SearchCriteria(q, query, within, filters, ranges, sort, newPage, size);
    }

    public SearchCriteria withSort(SortOrder newSort) {
        return new SearchCriteria(q, query, within, filters, ranges, newSort, 1, size);
    }

    /** The same search without any facet filter or year range (query, within, sort and size kept). */
    public SearchCriteria withoutFilters() {
        return new SearchCriteria(q, query, within, Map.of(), Map.of(), sort, 1, size);
    }

    /** Another query text, the rest kept; back to page 1. */
    public SearchCriteria withQuery(String newQ) {
        return new SearchCriteria(newQ, null, within, filters, ranges, sort, 1, size);
    }

    /** The same search without the {@code index}-th query searched within. */
    public SearchCriteria withoutWithin(int index) {
        List<String> kept = new ArrayList<>(within);
        kept.remove(index);
        return new SearchCriteria(q, query, kept, filters, ranges, sort, 1, size);
    }

    /** The same search without the facet's values (or range); back to page 1. */
    public SearchCriteria without(Facet facet) {
        Map<Facet, List<String>> changedFilters = new EnumMap<>(Facet.class);
        changedFilters.putAll(filters);
        changedFilters.remove(facet);
        Map<Facet, YearRange> changedRanges = new EnumMap<>(Facet.class);
        changedRanges.putAll(ranges);
        changedRanges.remove(facet);
        return new SearchCriteria(q, query, within, changedFilters, changedRanges, sort, 1, size);
    }

    /** Adds the value to the facet's selection, or removes it when selected; back to page 1. */
    public SearchCriteria withToggled(Facet facet, String value) {
        Map<Facet, List<String>> changed = new EnumMap<>(Facet.class);
        changed.putAll(filters);
        List<String> values = new ArrayList<>(values(facet));
        if (!values.remove(value)) {
            values.add(value);
        }
        changed.put(facet, values);
        return new SearchCriteria(q, query, within, changed, ranges, sort, 1, size);
    }

    public SearchCriteria withYears(Integer from, Integer to) {
        return withRange(Facet.YEAR, from, to);
    }

    /** Sets the range of a ranged facet ({@code null}s: no range); back to page 1. */
    public SearchCriteria withRange(Facet facet, Integer from, Integer to) {
        Map<Facet, YearRange> changed = new EnumMap<>(Facet.class);
        changed.putAll(ranges);
        changed.put(facet, new YearRange(from, to));
        return new SearchCriteria(q, query, within, filters, changed, sort, 1, size);
    }

    /**
     * The parameters that reproduce this search, defaults left out, in a stable order; what links
     * of the results page are made of.
     */
    public MultiValueMap<String, String> toParameters() {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        if (!q.isEmpty()) {
            params.add(Q, q);
        }
        for (String w : within) {
            params.add(WITHIN, w);
        }
        for (Facet facet : Facet.BY_VALUE) {
            for (String value : values(facet)) {
                params.add(facet.key(), value);
            }
        }
        for (Facet facet : Facet.RANGED) {
            YearRange range = range(facet);
            if (range.from() != null) {
                params.add(facet.fromParameter(), range.from().toString());
            }
            if (range.to() != null) {
                params.add(facet.toParameter(), range.to().toString());
            }
        }
        if (sort != SortOrder.RELEVANCE) {
            params.add(SORT, sort.parameter());
        }
        if (size != DEFAULT_SIZE) {
            params.add(SIZE, Integer.toString(size));
        }
        if (page != 1) {
            params.add(PAGE, Integer.toString(page));
        }
        return params;
    }

    /** The one value of a parameter ({@code null} when absent); a 400 when it is given twice with different values. */
    public static String single(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        Set<String> distinct = new LinkedHashSet<>(values);
        if (distinct.size() > 1) {
            throw ApiException.badRequest("invalid_parameter", name + " is given more than once / 参数 " + name + " 重复");
        }
        return values.get(0);
    }

    private static Integer number(
            MultiValueMap<String, String> params, String name, int min, int max, String code, String expected) {
        String raw = single(params, name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        if (!NUMBER.matcher(value).matches()) {
            throw ApiException.badRequest(code, name + " must be " + expected);
        }
        int n = Integer.parseInt(value);
        if (n < min || n > max) {
            throw ApiException.badRequest(code, name + " must be " + expected);
        }
        return n;
    }

    private static List<String> facetValues(Facet facet, List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String r : raw) {
            String value = r == null ? "" : r.strip();
            if (value.isEmpty()) {
                continue;
            }
            if (value.length() > MAX_VALUE_LENGTH || value.codePoints().anyMatch(Character::isISOControl)) {
                throw ApiException.badRequest(
                        "invalid_parameter",
                        facet.key()
                                + " values must be names of at most " + MAX_VALUE_LENGTH
                                + " characters without control characters / " + facet.key() + " 取值无效");
            }
            values.add(value);
        }
        if (values.size() > MAX_VALUES_PER_FACET) {
            throw ApiException.badRequest(
                    "invalid_parameter",
                    facet.key() + " is given more than " + MAX_VALUES_PER_FACET + " times / " + facet.key() + " 取值过多");
        }
        return List.copyOf(values);
    }
}
