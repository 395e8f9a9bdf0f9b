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
 * except the query text, which only {@link QueryParser} interprets.
 *
 * <p>Unknown parameters are ignored (pages carry {@code lang}, links may carry tracking
 * parameters); empty values, as HTML forms send them, count as absent.
 *
 * @param q        the query text as typed, or {@code ""}
 * @param query    {@code q} parsed
 * @param filters  selected values per facet (OR within a facet, AND across facets); never {@link Facet#YEAR}
 * @param yearFrom first year included, or {@code null}
 * @param yearTo   last year included, or {@code null}
 * @param sort     the order of the hits
 * @param page     1-based page number
 * @param size     hits per page
 */
public record SearchCriteria(
        String q,
        UserQuery query,
        Map<Facet, List<String>> filters,
        Integer yearFrom,
        Integer yearTo,
        SortOrder sort,
        int page,
        int size) {

    public static final int MAX_QUERY_LENGTH = 1000;
    public static final int MAX_TERMS = 64;
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_VALUE_LENGTH = 200;
    public static final int MAX_VALUES_PER_FACET = 50;
    /** Elasticsearch's {@code index.max_result_window}: deeper pages cannot be fetched with from/size. */
    public static final int MAX_RESULT_WINDOW = 10_000;

    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    public static final String Q = "q";
    public static final String YEAR_FROM = "year_from";
    public static final String YEAR_TO = "year_to";
    public static final String SORT = "sort";
    public static final String PAGE = "page";
    public static final String SIZE = "size";

    private static final Pattern NUMBER = Pattern.compile("\\p{Nd}{1,9}");

    public SearchCriteria {
        q = q == null ? "" : q;
        query = query == null ? QueryParser.parse(q) : query;
        EnumMap<Facet, List<String>> copy = new EnumMap<>(Facet.class);
        filters.forEach((facet, values) -> {
            if (facet != Facet.YEAR && !values.isEmpty()) {
                copy.put(facet, List.copyOf(new LinkedHashSet<>(values)));
            }
        });
        filters = Collections.unmodifiableMap(copy);
        sort = sort == null ? SortOrder.RELEVANCE : sort;
    }

    /** A search for everything, first page, default order. */
    public static SearchCriteria browseAll() {
        return new SearchCriteria("", UserQuery.EMPTY, Map.of(), null, null, SortOrder.RELEVANCE, 1, DEFAULT_SIZE);
    }

    /** Validates and reads the request parameters; throws a 400 {@link ApiException} for any bad value. */
    public static SearchCriteria from(MultiValueMap<String, String> params) {
        String q = single(params, Q);
        if (q == null) {
            q = "";
        }
        if (q.codePointCount(0, q.length()) > MAX_QUERY_LENGTH) {
            throw ApiException.badRequest(
                    "query_too_long",
                    "q is longer than " + MAX_QUERY_LENGTH + " characters / 检索词不能超过 " + MAX_QUERY_LENGTH + " 个字");
        }
        UserQuery query = QueryParser.parse(q);
        if (query.termCount() > MAX_TERMS) {
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

        Integer yearFrom = number(
                params,
                YEAR_FROM,
                MIN_YEAR,
                MAX_YEAR,
                "invalid_year",
                "a year (whole number) from " + MIN_YEAR + " to " + MAX_YEAR + " / 年份须为 " + MIN_YEAR + " 到 " + MAX_YEAR
                        + " 的整数");
        Integer yearTo = number(
                params,
                YEAR_TO,
                MIN_YEAR,
                MAX_YEAR,
                "invalid_year",
                "a year (whole number) from " + MIN_YEAR + " to " + MAX_YEAR + " / 年份须为 " + MIN_YEAR + " 到 " + MAX_YEAR
                        + " 的整数");
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw ApiException.badRequest(
                    "invalid_year_range",
                    "year_from (" + yearFrom + ") is after year_to (" + yearTo + ") / 起始年份不能晚于结束年份");
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
        return new SearchCriteria(q, query, filters, yearFrom, yearTo, sort, page, size);
    }

    /** Offset of the first hit of this page. */
    public int from() {
        return (page - 1) * size;
    }

    /** The selected values of a facet, empty when it does not filter. */
    public List<String> values(Facet facet) {
        return filters.getOrDefault(facet, List.of());
    }

    public boolean filtersYear() {
        return yearFrom != null || yearTo != null;
    }

    /** Whether {@code facet} narrows the search at all. */
    public boolean filters(Facet facet) {
        return facet == Facet.YEAR ? filtersYear() : filters.containsKey(facet);
    }

    public SearchCriteria withPage(int newPage) {
        return new SearchCriteria(q, query, filters, yearFrom, yearTo, sort, newPage, size);
    }

    public SearchCriteria withSort(SortOrder newSort) {
        return new SearchCriteria(q, query, filters, yearFrom, yearTo, newSort, 1, size);
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
        return new SearchCriteria(q, query, changed, yearFrom, yearTo, sort, 1, size);
    }

    public SearchCriteria withYears(Integer from, Integer to) {
        return new SearchCriteria(q, query, filters, from, to, sort, 1, size);
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
        for (Facet facet : Facet.BY_VALUE) {
            for (String value : values(facet)) {
                params.add(facet.key(), value);
            }
        }
        if (yearFrom != null) {
            params.add(YEAR_FROM, yearFrom.toString());
        }
        if (yearTo != null) {
            params.add(YEAR_TO, yearTo.toString());
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

    private static String single(MultiValueMap<String, String> params, String name) {
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
