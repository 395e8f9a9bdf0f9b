package org.wenshi.ingest.enrich;

import java.util.List;
import java.util.Optional;

/**
 * Where a document belongs: the committee's (or, failing one, the text's) province, city and county,
 * the committee level, and the places the text names.
 *
 * @param province province-level division, or null
 * @param city prefecture-level division (for a municipality: the municipality again), or null
 * @param county county-level division, or null
 * @param level {@code 全国}, {@code 省级}, {@code 市级} or {@code 县级} when a committee level is known, else null
 * @param mentioned full names of the places the text names, strongest first
 */
public record Place(Division province, Division city, Division county, String level, List<String> mentioned) {

    public static final String NATIONAL = "全国";
    public static final String PROVINCIAL = "省级";
    public static final String MUNICIPAL = "市级";
    public static final String COUNTY = "县级";

    public Place {
        mentioned = List.copyOf(mentioned);
    }

    public Optional<Division> provinceDivision() {
        return Optional.ofNullable(province);
    }

    public Optional<Division> cityDivision() {
        return Optional.ofNullable(city);
    }

    public Optional<Division> countyDivision() {
        return Optional.ofNullable(county);
    }

    public Optional<String> levelName() {
        return Optional.ofNullable(level);
    }
}
