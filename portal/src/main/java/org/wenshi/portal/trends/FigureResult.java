package org.wenshi.portal.trends;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer of {@code GET /api/figures}, in the contract's shape (extended, never changed).
 *
 * @param metric    the metric asked for, or {@code null} when only the list was asked for
 * @param names     the names merged into it ({@link MetricNames})
 * @param series    one per place, places with the most points first
 * @param metrics   the metrics present under the place filters, the most documented first
 * @param undated   figures of the metric found without a year (not in any series)
 */
public record FigureResult(
        @JsonInclude(JsonInclude.Include.NON_NULL) String metric,
        List<String> names,
        List<Series> series,
        List<String> metrics,
        @JsonProperty("metric_documents") List<MetricCount> metricDocuments,
        long undated) {

    public record Series(String place, List<Point> points) {}

    /**
     * The figure of one place and year.
     *
     * @param documents   how many documents report a figure of this metric for this place and year
     * @param otherValues other values they report, when they disagree (the point shows the value most of them give)
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Point(
            int year,
            double value,
            String unit,
            boolean approximate,
            String metric,
            @JsonProperty("doc_id") String docId,
            String title,
            String sentence,
            int documents,
            @JsonProperty("other_values") List<Double> otherValues) {}

    /** A metric with the number of documents that report it. */
    public record MetricCount(String metric, long documents) {}
}
