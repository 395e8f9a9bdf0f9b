package org.wenshi.ingest.enrich;

import java.util.Optional;

/**
 * One administrative division of the gazetteer with its GB/T 2260 code.
 *
 * @param code six digits (PPCCDD), empty for Hong Kong, Macao and Taiwan, which the bundled data
 *     lists without codes
 * @param name the full name (南阳市, 南江县, 北京市)
 * @param level province, city (prefecture level) or county
 * @param parent the enclosing division, null for a province
 */
public record Division(String code, String name, Level level, Division parent) {

    /** The three levels a place resolves to. */
    public enum Level {
        PROVINCE,
        CITY,
        COUNTY
    }

    public Optional<Division> province() {
        Division d = this;
        while (d.parent != null) {
            d = d.parent;
        }
        return Optional.of(d);
    }

    public Optional<Division> city() {
        return switch (level) {
            case PROVINCE -> Optional.empty();
            case CITY -> Optional.of(this);
            case COUNTY -> Optional.ofNullable(parent);
        };
    }

    /** True when {@code other} is this division or one of its ancestors. */
    public boolean within(Division other) {
        for (Division d = this; d != null; d = d.parent) {
            if (d == other) {
                return true;
            }
        }
        return false;
    }

    /** "河南省南阳市" style path, for messages and tests. */
    public String path() {
        return parent == null || parent.name.equals(name) ? name : parent.path() + name;
    }

    @Override
    public String toString() {
        return path() + (code.isEmpty() ? "" : "(" + code + ")");
    }
}
