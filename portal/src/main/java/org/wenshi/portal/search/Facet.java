package org.wenshi.portal.search;

import java.util.Arrays;
import java.util.List;
import org.wenshi.schema.Fields;

/**
 * The facets of a search, in the order the answer lists them: the name used as request parameter
 * and as key of {@code facets} in the answer, and the index field behind it. The two year facets
 * ({@link #YEAR}, the year of publication, and {@link #COVERED}, the years a document is about) are
 * filtered by a range ({@code year_from}/{@code year_to}, {@code covered_from}/{@code covered_to})
 * rather than by value, and listed by year.
 */
public enum Facet {
    PROVINCE("province", Fields.PROVINCE),
    CITY("city", Fields.CITY),
    COUNTY("county", Fields.COUNTY),
    YEAR("year", Fields.YEAR, "year_from", "year_to"),
    THEME("theme", Fields.THEMES),
    TYPE("type", Fields.TYPE),
    SOURCE("source", Fields.SOURCE),
    PEOPLE("people", Fields.PEOPLE_NAME),
    COVERED("years_covered", Fields.YEARS_COVERED, "covered_from", "covered_to");

    /** Facets a request filters by value ({@code city=巴中市&city=南阳市}). */
    public static final List<Facet> BY_VALUE =
            Arrays.stream(values()).filter(f -> !f.ranged()).toList();

    /** Facets a request filters by a range of years. */
    public static final List<Facet> RANGED =
            Arrays.stream(values()).filter(Facet::ranged).toList();

    /** The place facets, shown as one hierarchy on the results page. */
    public static final List<Facet> PLACES = List.of(PROVINCE, CITY, COUNTY);

    private final String key;
    private final String field;
    private final String fromParameter;
    private final String toParameter;

    Facet(String key, String field) {
        this(key, field, null, null);
    }

    Facet(String key, String field, String fromParameter, String toParameter) {
        this.key = key;
        this.field = field;
        this.fromParameter = fromParameter;
        this.toParameter = toParameter;
    }

    /** Request parameter and key in the answer's {@code facets}. */
    public String key() {
        return key;
    }

    /** The keyword (or, for the years, integer) field of the index. */
    public String field() {
        return field;
    }

    /** Filtered by a range of years rather than by values. */
    public boolean ranged() {
        return fromParameter != null;
    }

    /** The parameter of the first year of a ranged facet ({@code year_from}). */
    public String fromParameter() {
        return fromParameter;
    }

    /** The parameter of the last year of a ranged facet ({@code year_to}). */
    public String toParameter() {
        return toParameter;
    }
}
