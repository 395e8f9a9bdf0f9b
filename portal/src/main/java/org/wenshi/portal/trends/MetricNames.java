package org.wenshi.portal.trends;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * When two metric names read out of the documents are one metric. The rule: a name of two
 * two-character words is the same metric with its words swapped ({@code 立案提案} = {@code 提案立案}:
 * both are the proposals put on file); every other difference keeps metrics apart, notably a word
 * more or less ({@code 提案}, the proposals received, is not {@code 提案立案}, those put on file, and
 * the two counts differ in every work report). Names come simplified from ingest.
 */
public final class MetricNames {
    private MetricNames() {}

    /** The names that mean the same metric as {@code name}, {@code name} first. */
    public static Set<String> variants(String name) {
        Set<String> out = new LinkedHashSet<>();
        out.add(name);
        if (twoWords(name)) {
            out.add(swapped(name));
        }
        return out;
    }

    /** One key for all variants of a metric. */
    public static String key(String name) {
        if (!twoWords(name)) {
            return name;
        }
        String other = swapped(name);
        return name.compareTo(other) <= 0 ? name : other;
    }

    private static boolean twoWords(String name) {
        return name.length() == 4
                && name.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static String swapped(String name) {
        return name.substring(2) + name.substring(0, 2);
    }
}
