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
 */
public record Dating(String date, String precision, Integer year, List<Integer> yearsCovered) {

    public Dating {
        yearsCovered = List.copyOf(yearsCovered);
    }

    public Optional<String> isoDate() {
        return Optional.ofNullable(date);
    }
}
