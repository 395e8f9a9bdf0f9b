package org.wenshi.ingest.sample;

/** The kinds of sample documents, each with the range of publication years it is drawn from. */
public enum Genre {
    WORK_REPORT(1981, 2025),
    PROPOSAL(1986, 2025),
    OPINION(2000, 2025),
    NEWS(2003, 2025),
    MEMOIR(1962, 2015),
    RECORD(1950, 1966);

    final int firstYear;
    final int lastYear;

    Genre(int firstYear, int lastYear) {
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }
}
