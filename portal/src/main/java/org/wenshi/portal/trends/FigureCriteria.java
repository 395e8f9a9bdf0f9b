package org.wenshi.portal.trends;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.wenshi.portal.search.Facet;
import org.wenshi.portal.search.SearchCriteria;
import org.wenshi.portal.system.ApiException;

/**
 * One {@code /api/figures} request, validated: the metric ({@code null}: only the list of metrics),
 * the place and other facet filters of search on the documents, and {@code year_from}/{@code year_to}
 * on the years the figures are about.
 */
public record FigureCriteria(String metric, Set<String> names, SearchCriteria filters) {
    public static final String METRIC = "metric";
    static final int MAX_METRIC_LENGTH = 50;
    private static final Set<String> NOT_FILTERS = Set.of(
            METRIC,
            SearchCriteria.Q,
            SearchCriteria.WITHIN,
            SearchCriteria.SORT,
            SearchCriteria.PAGE,
            SearchCriteria.SIZE,
            "lang",
            "view",
            "scale",
            TrendCriteria.TERM,
            TrendCriteria.BY,
            TrendCriteria.SPLIT);

    public static FigureCriteria from(MultiValueMap<String, String> params) {
        List<String> metrics = params.getOrDefault(METRIC, List.of());
        if (new LinkedHashSet<>(metrics).size() > 1) {
            throw ApiException.badRequest("invalid_parameter", "metric is given more than once / 参数 metric 重复");
        }
        String metric =
                metrics.isEmpty() || metrics.get(0) == null || metrics.get(0).isBlank()
                        ? null
                        : metrics.get(0).strip();
        if (metric != null
                && (metric.length() > MAX_METRIC_LENGTH || metric.codePoints().anyMatch(Character::isISOControl))) {
            throw ApiException.badRequest(
                    "invalid_metric", "metric must be a name of at most " + MAX_METRIC_LENGTH + " characters / 指标名称无效");
        }
        SearchCriteria filters = SearchCriteria.from(TrendCriteria.filterParameters(params));
        return new FigureCriteria(metric, metric == null ? Set.of() : MetricNames.variants(metric), filters);
    }

    /** Whether a figure's year is inside {@code year_from}–{@code year_to}. */
    public boolean inYears(int year) {
        SearchCriteria.YearRange range = filters.range(Facet.YEAR);
        return (range.from() == null || year >= range.from()) && (range.to() == null || year <= range.to());
    }
}
