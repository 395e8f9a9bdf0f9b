package org.wenshi.ingest.sample;

import org.wenshi.ingest.enrich.Division;

/**
 * What one sample document will be, decided from its number and the seed before any text is written.
 *
 * @param number the document's number in the archive, from 0
 * @param genre its kind
 * @param theme the theme its text is mainly about
 * @param city the city of the committee
 * @param county the county of a county-level committee, or null for a city committee
 * @param year publication year
 * @param month publication month
 * @param day publication day
 * @param html true for an .html page, false for a .txt file
 * @param traditional true when written in traditional characters
 * @param encoding the charset of the file's bytes
 * @param declareCharset for HTML: whether the page declares its charset
 */
public record SamplePlan(
        int number,
        Genre genre,
        String theme,
        Division city,
        Division county,
        int year,
        int month,
        int day,
        boolean html,
        boolean traditional,
        String encoding,
        boolean declareCharset) {

    /** The committee's place: the county when there is one, else the city. */
    public Division place() {
        return county != null ? county : city;
    }
}
