package org.wenshi.portal.search;

import java.util.Arrays;
import java.util.List;
import org.wenshi.schema.Fields;

/**
 * The facets of a search, in the order the answer lists them: the name used as request parameter
 * and as key of {@code facets} in the answer, and the index field behind it. {@link #YEAR} is
 * filtered through {@code year_from}/{@code year_to} rather than by value, and listed by year.
 */
public enum Facet {
    PROVINCE("province", Fields.PROVINCE),
    CITY("city", Fields.CITY),
    COUNTY("county", Fields.COUNTY),
    YEAR("year", Fields.YEAR),
    THEME("theme", Fields.THEMES),
    TYPE("type", Fields.TYPE),
    SOURCE("source", Fields.SOURCE);

    /** Facets a request filters by value ({@code city=巴中市&city=南阳市}). */
    public static final List<Facet> BY_VALUE =
            Arrays.stream(values()).filter(f -> f != YEAR).toList();

    private final String key;
    private final String field;

    Facet(String key, String field) {
        this.key = key;
        this.field = field;
    }

    /** Request parameter and key in the answer's {@code facets}. */
    public String key() {
        return key;
    }

    /** The keyword (or, for the year, integer) field of the index. */
    public String field() {
        return field;
    }
}
