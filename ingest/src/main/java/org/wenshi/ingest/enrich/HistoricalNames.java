package org.wenshi.ingest.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wenshi.ingest.enrich.Division.Level;

/**
 * County-level names renamed or abolished since 1981, each with the division that holds its land
 * today, from the GB/T 2260 history bundled beside the gazetteer (see {@code gazetteer/SOURCE.md}):
 * 辽中县 (abolished 2016) is today's 辽中区 of 沈阳市, 江浦县 (2002) is 浦口区 of 南京市, 凤城满族自治县
 * (1994) is 凤城市. A name whose successors are several counties of one city is placed at that city.
 *
 * <p>Left out, so that they are never guessed: a name that is today the name of some division (the
 * current one wins), a name whose divisions lead to several cities today (城关区, 市中区 were
 * districts of many cities: a text naming one says nothing of which; 碧土县 was split between two
 * prefectures), and names of two characters (郊区, 城区, 矿区 are ordinary words).
 */
final class HistoricalNames {
    static final String RESOURCE = Gazetteer.RESOURCE_DIR + "gbt2260-history-1981-2024.csv";
    /** A bound on the successor codes followed from one name (the longest chains take a handful). */
    private static final int MAX_STEPS = 64;

    /** One row of the history. */
    private record Row(String code, String name, String level, String status, int from, int until, List<Next> next) {
        /** Whether this row's name held its code in {@code year} (a row still in use holds it to this day). */
        boolean heldIn(int year) {
            return from <= year && (until == 0 || year <= until);
        }
    }

    /** A successor code, and the year the land passed to it. */
    private record Next(String code, int year) {}

    private static final java.util.regex.Pattern NEXT = java.util.regex.Pattern.compile("(\\d{6})(?:\\[(\\d{4})\\])?");

    private HistoricalNames() {}

    private static int year(String s) {
        String t = s.strip();
        return t.matches("\\d{4}") ? Integer.parseInt(t) : 0;
    }

    /**
     * Old name to today's division, for the divisions given (the current gazetteer's); names that
     * are current full names are not included.
     */
    static Map<String, Division> resolve(List<Division> current) {
        Map<String, Division> byCode = new HashMap<>();
        Set<String> currentNames = new HashSet<>();
        for (Division d : current) {
            if (!d.code().isEmpty()) {
                byCode.putIfAbsent(d.code(), d);
            }
            currentNames.add(d.name());
        }
        List<Row> rows = read();
        Map<String, List<Row>> rowsByCode = new HashMap<>();
        for (Row r : rows) {
            rowsByCode.computeIfAbsent(r.code(), k -> new ArrayList<>()).add(r);
        }
        // Every row of a name (the same county under a reorganised prefecture has several), with where
        // each leads today; a name is kept only when all that lead somewhere lead to one city.
        Map<String, Set<Division>> targets = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!r.level().equals("县级") || r.status().equals("在用")) {
                continue;
            }
            String name = r.name();
            if (name.length() <= 2 || currentNames.contains(name)) {
                continue;
            }
            Division today = successor(r, byCode, rowsByCode);
            Set<Division> t = targets.computeIfAbsent(name, k -> new HashSet<>());
            if (today != null) {
                t.add(today);
            }
        }
        Map<String, Division> out = new LinkedHashMap<>();
        targets.forEach((name, found) -> {
            Division one = oneCity(found);
            if (one != null) {
                out.put(name, one);
            }
        });
        return out;
    }

    /** The one division of a set, or the one city all of them lie in; null when they lie in several. */
    private static Division oneCity(Set<Division> found) {
        if (found.size() == 1) {
            return found.iterator().next();
        }
        Set<Division> cities = new HashSet<>();
        for (Division d : found) {
            cities.add(d.level() == Level.CITY ? d : d.parent());
        }
        return cities.size() == 1 && !found.isEmpty() ? cities.iterator().next() : null;
    }

    /**
     * Where the land of an old division is today: one county, or the one city of several counties.
     * Codes are reused over the years (422101 was 鄂城市 until 1983, then 麻城市 from 1986), so each
     * step follows only the row that held the code in the year the land passed to it.
     */
    private static Division successor(Row row, Map<String, Division> byCode, Map<String, List<Row>> rowsByCode) {
        Set<Division> found = new HashSet<>();
        Deque<Next> next = new ArrayDeque<>(row.next());
        Set<String> seen = new HashSet<>();
        seen.add(row.code() + row.name());
        int steps = 0;
        while (!next.isEmpty() && steps++ < MAX_STEPS) {
            Next n = next.poll();
            Division d = byCode.get(n.code());
            if (d != null && (d.level() == Level.COUNTY || d.level() == Level.CITY)) {
                found.add(d);
                continue;
            }
            for (Row later : rowsByCode.getOrDefault(n.code(), List.of())) {
                if (!later.heldIn(n.year()) || !seen.add(later.code() + later.name())) {
                    continue;
                }
                if (later.status().equals("在用")) {
                    // in use in the history (2024) but newer than the gazetteer's data: its city
                    Division city = byCode.get(n.code().substring(0, 4) + "00");
                    if (city != null && city.level() == Level.CITY) {
                        found.add(city);
                    }
                } else {
                    next.addAll(later.next());
                }
            }
        }
        return oneCity(found);
    }

    private static List<Row> read() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = HistoricalNames.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing gazetteer resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            for (String line; (line = reader.readLine()) != null; ) {
                String[] f = line.split(",", -1);
                if (f.length < 9 || f[0].length() != 6) {
                    continue;
                }
                int from = year(f[6]);
                int until = year(f[7]);
                List<Next> next = new ArrayList<>();
                for (String c : f[8].split(";")) {
                    // "210700[1982]": that part passed in 1982; without a year, when the row ended
                    java.util.regex.Matcher m = NEXT.matcher(c.strip());
                    if (m.matches()) {
                        next.add(new Next(m.group(1), m.group(2) != null ? Integer.parseInt(m.group(2)) : until));
                    }
                }
                rows.add(new Row(f[0], f[3], f[4], f[5], from, until, next));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return rows;
    }
}
