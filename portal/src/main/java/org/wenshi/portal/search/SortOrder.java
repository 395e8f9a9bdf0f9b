package org.wenshi.portal.search;

import java.util.Arrays;
import java.util.Optional;

/** The {@code sort} parameter: best match first, or by date. */
public enum SortOrder {
    RELEVANCE("relevance"),
    NEWEST("newest"),
    OLDEST("oldest");

    private final String parameter;

    SortOrder(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static Optional<SortOrder> fromParameter(String value) {
        return Arrays.stream(values()).filter(s -> s.parameter.equals(value)).findFirst();
    }
}
