package org.wenshi.ingest.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.wenshi.ingest.enrich.Division.Level;
import org.wenshi.ingest.enrich.Gazetteer.Name;

/**
 * Resolves the committee, and so the locality, a document belongs to, by weighing what the text
 * says: committee patterns (政协XX市委员会, 中国人民政治协商会议XX县委员会, XX市政协, XX县政协主席), party
 * committees (中共XX市委), plain mentions of full names and of short names (南阳, 巴中), where they stand
 * (title and site name weigh more than the body) and how often. Ambiguous names (several 朝阳, 新华)
 * go to the candidate the rest of the text supports. Short county names count only inside a
 * committee pattern, since many collide with common words.
 *
 * <p>It works on simplified characters (callers fold traditional text first). It never invents a
 * place the gazetteer does not have, and never picks a place for a document that gives no evidence.
 */
public final class PlaceEnricher {
    private static final int MAX_TEXT = 30_000;
    private static final int MAX_MENTIONED = 20;

    private static final double COMMITTEE = 10;
    private static final double PARTY = 6;
    private static final double FULL_COUNTY = 1.5;
    private static final double FULL = 1;
    private static final double SHORT = 0.7;

    private static final Pattern BEFORE_COMMITTEE =
            Pattern.compile(".*(政协|政治协商会议|政协第[〇零一二三四五六七八九十百\\d]{1,4}届)$", Pattern.DOTALL);
    private static final Pattern AFTER_COMMITTEE =
            Pattern.compile("^(第[〇零一二三四五六七八九十百\\d]{1,4}届)?(常务)?委员会.*", Pattern.DOTALL);
    private static final Pattern SERIES_AFTER = Pattern.compile("^(市|县|区|州|省)?(文史|史料|记忆|往事|春秋).*", Pattern.DOTALL);
    private static final Pattern NATIONAL_COMMITTEE = Pattern.compile("全国政协|政治协商会议全国委员会|政协全国委员会");

    private final Gazetteer gazetteer;

    public PlaceEnricher(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** A piece of text to read and how much it weighs (title and site name weigh more than the body). */
    public record Segment(String text, double weight) {}

    /** One name found in a segment. */
    private record Match(int start, int end, List<Name> names, double weight) {}

    /** Resolves the place of a document from its simplified title, text and any context (site name). */
    public Place resolve(String title, String text, List<String> context) {
        List<Segment> segments = new ArrayList<>();
        segments.add(new Segment(title, 3));
        for (String c : context) {
            segments.add(new Segment(c, 3));
        }
        String body = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        int head = Math.min(body.length(), 300);
        segments.add(new Segment(body.substring(0, head), 1.5));
        segments.add(new Segment(body.substring(head), 1));
        return resolve(segments);
    }

    public Place resolve(List<Segment> segments) {
        Map<Division, Double> evidence = new HashMap<>();
        Map<Division, Double> committees = new HashMap<>();
        List<Match> ambiguous = new ArrayList<>();
        List<Boolean> ambiguousCommittee = new ArrayList<>();
        double national = 0;
        Map<String, Integer> genericLevels = new HashMap<>();

        for (Segment segment : segments) {
            String s = segment.text();
            national += NATIONAL_COMMITTEE.matcher(s).results().count() * COMMITTEE * segment.weight();
            countGeneric(s, genericLevels);
            List<Match> matches = matches(s, segment.weight());
            int i = 0;
            while (i < matches.size()) {
                int j = i;
                while (j + 1 < matches.size()
                        && matches.get(j + 1).start() == matches.get(j).end()) {
                    j++;
                }
                List<Match> chain = matches.subList(i, j + 1);
                scoreChain(s, chain, evidence, committees, ambiguous, ambiguousCommittee);
                i = j + 1;
            }
        }
        for (int k = 0; k < ambiguous.size(); k++) {
            Match m = ambiguous.get(k);
            Division chosen = choose(m.names(), evidence);
            if (chosen != null) {
                evidence.merge(chosen, m.weight(), Double::sum);
                if (ambiguousCommittee.get(k)) {
                    committees.merge(chosen, m.weight(), Double::sum);
                }
            }
        }

        List<String> mentioned = mentioned(evidence);
        Division committee = best(committees, evidence);
        double committeeScore = committee == null ? 0 : committees.get(committee);
        int localMentions =
                genericLevels.values().stream().mapToInt(Integer::intValue).sum();
        if (national > 0 && national >= committeeScore + COMMITTEE * localMentions) {
            return new Place(null, null, null, Place.NATIONAL, mentioned);
        }
        if (committee != null) {
            return fromDivision(countyNamedInTitle(committee, segments), levelOf(committee), mentioned);
        }
        String level = genericLevel(genericLevels);
        Division province = bestWithin(evidence, Level.PROVINCE, null, 1);
        if (province == null) {
            return new Place(null, null, null, level, mentioned);
        }
        Division city = bestWithin(evidence, Level.CITY, province, 1);
        if (city == null) {
            city = gazetteer.municipalityCity(province).orElse(null);
        }
        Division county = city == null ? null : bestOwn(evidence, Level.COUNTY, city, FULL_COUNTY);
        Division deepest = county != null ? county : city != null ? city : province;
        return fromDivision(deepest, level, mentioned);
    }

    /**
     * A committee of a city whose document's title names one of the city's counties (长治市政协 posting
     * 回忆武乡县…) belongs to that county; otherwise the committee itself.
     */
    private Division countyNamedInTitle(Division committee, List<Segment> segments) {
        if (committee.level() != Level.CITY || segments.isEmpty()) {
            return committee;
        }
        String title = segments.get(0).text();
        Division found = null;
        for (Match m : matches(title, 1)) {
            for (Name n : m.names()) {
                Division d = n.division();
                boolean named =
                        !n.shortForm() || m.end() < title.length() && "县市区旗".indexOf(title.charAt(m.end())) >= 0;
                if (d.level() == Level.COUNTY && d.parent() == committee && named) {
                    if (found != null && found != d) {
                        return committee;
                    }
                    found = d;
                }
            }
        }
        return found != null ? found : committee;
    }

    private Place fromDivision(Division d, String level, List<String> mentioned) {
        Division province = d.province().orElse(null);
        Division city =
                switch (d.level()) {
                    case PROVINCE -> gazetteer.municipalityCity(d).orElse(null);
                    case CITY -> d;
                    case COUNTY -> d.parent();
                };
        Division county = d.level() == Level.COUNTY ? d : null;
        return new Place(province, city, county, level, mentioned);
    }

    private String levelOf(Division committee) {
        return switch (committee.level()) {
            case PROVINCE -> Place.PROVINCIAL;
            case CITY ->
                committee.parent() != null && committee.parent().name().equals(committee.name())
                        ? Place.PROVINCIAL
                        : Place.MUNICIPAL;
            case COUNTY -> Place.COUNTY;
        };
    }

    private static void countGeneric(String s, Map<String, Integer> into) {
        for (var e : Map.of(
                        "省政协",
                        Place.PROVINCIAL,
                        "市政协",
                        Place.MUNICIPAL,
                        "州政协",
                        Place.MUNICIPAL,
                        "县政协",
                        Place.COUNTY,
                        "区政协",
                        Place.COUNTY,
                        "旗政协",
                        Place.COUNTY)
                .entrySet()) {
            int n = 0;
            for (int i = s.indexOf(e.getKey()); i >= 0; i = s.indexOf(e.getKey(), i + 1)) {
                n++;
            }
            if (n > 0) {
                into.merge(e.getValue(), n, Integer::sum);
            }
        }
    }

    private static String genericLevel(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** Greedy longest matches of gazetteer names, left to right. */
    private List<Match> matches(String s, double weight) {
        List<Match> out = new ArrayList<>();
        int longest = gazetteer.longestName();
        int i = 0;
        while (i < s.length() - 1) {
            if (Character.UnicodeScript.of(s.charAt(i)) != Character.UnicodeScript.HAN) {
                i++;
                continue;
            }
            int found = 0;
            for (int len = Math.min(longest, s.length() - i); len >= 2; len--) {
                List<Name> names = gazetteer.lookup(s.substring(i, i + len));
                if (!names.isEmpty()) {
                    out.add(new Match(i, i + len, names, weight));
                    found = len;
                    break;
                }
            }
            i += found > 0 ? found : 1;
        }
        return out;
    }

    private void scoreChain(
            String s,
            List<Match> chain,
            Map<Division, Double> evidence,
            Map<Division, Double> committees,
            List<Match> ambiguous,
            List<Boolean> ambiguousCommittee) {
        int start = chain.get(0).start();
        int end = chain.get(chain.size() - 1).end();
        String before = s.substring(Math.max(0, start - 12), start);
        String after = s.substring(end, Math.min(s.length(), end + 12));
        // 《南阳文史资料》, 《瑞金文史》: a committee's own series names its place
        boolean series = before.endsWith("《") && SERIES_AFTER.matcher(after).matches();
        boolean committee = series
                || after.startsWith("政协")
                || BEFORE_COMMITTEE.matcher(before).matches()
                        && (AFTER_COMMITTEE.matcher(after).matches() || after.startsWith("委"));
        boolean party = !committee && before.endsWith("中共") && after.startsWith("委");

        List<Division> previous = null;
        for (int k = 0; k < chain.size(); k++) {
            Match m = chain.get(k);
            boolean last = k == chain.size() - 1;
            boolean strong = last && (committee || party);
            List<Name> names = new ArrayList<>();
            for (Name n : m.names()) {
                if (n.shortForm() && n.division().level() == Level.COUNTY && !strong) {
                    continue;
                }
                names.add(n);
            }
            if (previous != null) {
                List<Division> prev = previous;
                List<Name> consistent = names.stream()
                        .filter(n -> prev.stream().anyMatch(p -> n.division().within(p)))
                        .toList();
                if (!consistent.isEmpty()) {
                    names = consistent;
                }
            }
            if (!strong
                    && chain.size() == 1
                    && names.stream()
                            .allMatch(n -> n.shortForm() && n.division().level() != Level.PROVINCE)
                    && !looksLikeName(s, m.end())) {
                // 大同心圆, 长治久安, 中山路: a short name glued to a word is not a place
                names = List.of();
            }
            if (names.isEmpty()) {
                previous = null;
                continue;
            }
            double w = m.weight() * (committee && last ? COMMITTEE : party && last ? PARTY : plainWeight(names));
            Match weighted = new Match(m.start(), m.end(), names, w);
            if (names.size() == 1) {
                Division d = names.get(0).division();
                evidence.merge(d, w, Double::sum);
                if (committee && last) {
                    committees.merge(d, w, Double::sum);
                }
            } else {
                ambiguous.add(weighted);
                ambiguousCommittee.add(committee && last);
            }
            previous = names.stream().map(Name::division).toList();
        }
    }

    /** True when the character after a short name lets it stand as a name (punctuation, 市, 人, 的 …). */
    private static boolean looksLikeName(String s, int end) {
        if (end >= s.length()) {
            return true;
        }
        char c = s.charAt(end);
        return !Character.isLetterOrDigit(c) || "市县区人籍城地境一的等和与及地区籍东西南北".indexOf(c) >= 0;
    }

    private static double plainWeight(List<Name> names) {
        boolean allShort = names.stream().allMatch(Name::shortForm);
        if (allShort) {
            return SHORT;
        }
        return names.stream().anyMatch(n -> n.division().level() == Level.COUNTY) ? FULL_COUNTY : FULL;
    }

    /** The candidate the rest of the evidence supports; higher level on a tie at zero; null when undecided. */
    private static Division choose(List<Name> candidates, Map<Division, Double> evidence) {
        // 荆州 names 荆州市 more often than its 荆州区: a candidate inside another candidate gives way.
        List<Name> names = candidates.stream()
                .filter(n -> candidates.stream()
                        .noneMatch(o -> o != n
                                && o.division() != n.division()
                                && n.division().within(o.division())))
                .toList();
        if (names.size() == 1) {
            return names.get(0).division();
        }
        Division best = null;
        double bestSupport = 0;
        boolean tie = false;
        for (Name n : names) {
            double support = support(n.division(), evidence);
            if (support > bestSupport) {
                best = n.division();
                bestSupport = support;
                tie = false;
            } else if (support == bestSupport && support > 0) {
                tie = true;
            }
        }
        if (best != null && !tie) {
            return best;
        }
        if (bestSupport > 0) {
            return null;
        }
        Division highest = null;
        int count = 0;
        for (Name n : names) {
            if (highest == null
                    || n.division().level().ordinal() < highest.level().ordinal()) {
                highest = n.division();
                count = 1;
            } else if (n.division().level() == highest.level()) {
                count++;
            }
        }
        return count == 1 ? highest : null;
    }

    /** Evidence for a division's ancestors and descendants (not for the division itself). */
    private static double support(Division d, Map<Division, Double> evidence) {
        double s = 0;
        for (Map.Entry<Division, Double> e : evidence.entrySet()) {
            Division other = e.getKey();
            if (other != d && (d.within(other) || other.within(d))) {
                s += e.getValue();
            }
        }
        return s;
    }

    private static Division best(Map<Division, Double> scores, Map<Division, Double> evidence) {
        return scores.entrySet().stream()
                .max(Comparator.<Map.Entry<Division, Double>>comparingDouble(e -> rounded(e.getValue()))
                        .thenComparingDouble(e -> rounded(evidence.getOrDefault(e.getKey(), 0.0)))
                        .thenComparing(e -> e.getKey().code())
                        .thenComparing(e -> e.getKey().name()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** Scores are sums in map order: round away floating-point noise before comparing. */
    private static double rounded(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The division of {@code level} within {@code parent} with the most evidence, its own and its descendants'. */
    private static Division bestWithin(Map<Division, Double> evidence, Level level, Division parent, double min) {
        Map<Division, Double> totals = new LinkedHashMap<>();
        for (Map.Entry<Division, Double> e : evidence.entrySet()) {
            Division d = e.getKey();
            for (Division a = d; a != null; a = a.parent()) {
                if (a.level() == level && (parent == null || a.within(parent))) {
                    totals.merge(a, e.getValue(), Double::sum);
                }
            }
        }
        Division best = best(totals, evidence);
        return best != null && totals.get(best) >= min ? best : null;
    }

    private static Division bestOwn(Map<Division, Double> evidence, Level level, Division parent, double min) {
        Map<Division, Double> own = new LinkedHashMap<>();
        evidence.forEach((d, v) -> {
            if (d.level() == level && d.within(parent)) {
                own.put(d, v);
            }
        });
        Division best = best(own, evidence);
        return best != null && own.get(best) >= min ? best : null;
    }

    private static List<String> mentioned(Map<Division, Double> evidence) {
        List<String> out = new ArrayList<>();
        evidence.entrySet().stream()
                // A total order: Division hash codes differ between JVMs (enum identity hashes), so
                // ties must never be left to map iteration order.
                .sorted(Map.Entry.<Division, Double>comparingByValue()
                        .reversed()
                        .thenComparing(e -> e.getKey().code())
                        .thenComparing(e -> e.getKey().name()))
                .forEach(e -> {
                    if (!out.contains(e.getKey().name()) && out.size() < MAX_MENTIONED) {
                        out.add(e.getKey().name());
                    }
                });
        return out;
    }
}
