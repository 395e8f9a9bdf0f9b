package org.wenshi.portal.trends;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The answer of {@code GET /api/trends}, in the contract's shape (extended, never changed).
 *
 * @param by        {@code year}, {@code province} or {@code city}
 * @param split     {@code "year"} when each place is split by year (the heatmap), else absent
 * @param documents all documents under the filters (reprints left out), whatever their year or place
 * @param sparse    points resting on fewer documents than this are not a trend ({@link #SPARSE_BELOW})
 * @param series    one per term or theme, in the order asked
 */
public record TrendResult(
        String by,
        @JsonInclude(JsonInclude.Include.NON_NULL) String split,
        long documents,
        @JsonProperty("sparse_below") int sparse,
        List<Series> series) {

    /** A point resting on fewer matching documents than this is drawn and marked as sparse. */
    public static final int SPARSE_BELOW = 5;

    /**
     * @param term  the term as typed, or the theme's name
     * @param kind  {@code term} or {@code theme}
     * @param docs  all matching documents across the points
     */
    public record Series(String term, String kind, long docs, List<Point> points) {}

    /**
     * One year or place (or place and year).
     *
     * @param year     the year, when grouped or split by year
     * @param place    the province or city, when grouped by place
     * @param docs     documents matching, counted as {@code /api/search} counts them
     * @param total    documents of that year or place under the same filters
     * @param per1000  {@code docs} per 1,000 of {@code total}, two decimals; 0 when {@code total} is 0
     * @param smoothed with {@code smoothing=k}: the documents matching per 1,000 over the years within
     *     k of this one (their sums, not a mean of their rates, so that a thin year weighs little)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(
            Integer year,
            String place,
            long docs,
            long total,
            @JsonProperty("per_1000") double per1000,
            @JsonProperty("smoothed_per_1000") Double smoothed) {

        public static Point of(Integer year, String place, long docs, long total) {
            return new Point(year, place, docs, total, TrendResult.per1000(docs, total), null);
        }

        Point smoothed(double value) {
            return new Point(year, place, docs, total, per1000, value);
        }

        /** Fewer than {@link #SPARSE_BELOW} documents behind it. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean sparse() {
            return docs < SPARSE_BELOW;
        }
    }

    /**
     * Each point of a by-year series with its smoothed rate: documents matching per 1,000 over the
     * years within {@code k} of it on either side (years of the series; a year without documents adds
     * nothing).
     */
    static List<Point> smooth(List<Point> points, int k) {
        if (k <= 0) {
            return points;
        }
        List<Point> out = new java.util.ArrayList<>(points.size());
        for (Point p : points) {
            long docs = 0;
            long total = 0;
            for (Point q : points) {
                if (q.year() != null && p.year() != null && Math.abs(q.year() - p.year()) <= k) {
                    docs += q.docs();
                    total += q.total();
                }
            }
            out.add(p.smoothed(per1000(docs, total)));
        }
        return out;
    }

    /** {@code docs} per 1,000 of {@code total}, rounded half up to two decimals. */
    public static double per1000(long docs, long total) {
        if (total <= 0) {
            return 0.0;
        }
        return BigDecimal.valueOf(docs * 1000L)
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
