package org.wenshi.ingest.enrich;

import java.util.List;
import java.util.Optional;

/**
 * When a document was published, and the years its text is about.
 *
 * @param date ISO date ({@code 2024-05-14}, {@code 2024-05} or {@code 2024}), or null when unknown
 * @param precision {@code day}, {@code month} or {@code year}; null with no date
 * @param year the publication year, or null
 * @param yearsCovered the years the text mentions (民国 years converted), ascending
 * @param source where the date was read: {@code metadata} (a meta tag or labelled line such as
 *     发布时间), {@code date_line} (a line that is only a date, at the top or the end: the 落款),
 *     {@code series_line} (where a reprint first appeared: 《…文史资料》第三辑，一九八七年), {@code title}
 *     (2025年…工作报告) or {@code lede} (a news lede's day, in the latest year named); null with no date
 */
public record Dating(String date, String precision, Integer year, List<Integer> yearsCovered, String source) {

    public static final String METADATA = "metadata";
    public static final String DATE_LINE = "date_line";
    public static final String SERIES_LINE = "series_line";
    public static final String TITLE = "title";
    public static final String LEDE = "lede";

    public Dating {
        yearsCovered = List.copyOf(yearsCovered);
    }

    public Optional<String> isoDate() {
        return Optional.ofNullable(date);
    }
}
