package org.wenshi.ingest.enrich;

import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wenshi.ingest.extract.ChineseScript;

/**
 * The publication date of a document, from the places that state it: a meta tag or a labelled line
 * (发布时间：…, 日期：…) first, then a line that is only a date near the top or the end (the date
 * under a report's title, the signature date). Reads 2024-05-14, 2024/5/14, 2024年5月14日 and Chinese
 * numerals (二〇二四年五月十四日, 廿三日).
 *
 * <p>It never takes a date from the narrative: 文史资料 are about years decades before they were
 * published, so a memoir that opens with 民国二十六年七月 or 1937年7月 is not dated 1937. 民国 dates are
 * never publication dates; those years, converted (民国N年 = 1911+N), go to the years covered with
 * the other years the text mentions.
 */
public final class DateEnricher {
    private static final String DIGIT = "〇零○Ｏ0０一二三四五六七八九";
    private static final String SMALL = "一二三四五六七八九十廿卅\\d";
    private static final Pattern NUMERIC =
            Pattern.compile("(?<!\\d)(1[89]\\d{2}|20\\d{2})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})(?!\\d)");
    private static final Pattern WRITTEN =
            Pattern.compile("(?<!\\d)(?<!民国)(1[89]\\d{2}|20\\d{2})\\s*年\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*[日号])?");
    private static final Pattern CHINESE = Pattern.compile(
            "(?<!民国)([" + DIGIT + "]{4})\\s*年\\s*([一二三四五六七八九十]{1,3}|正)\\s*月(?:\\s*([" + SMALL + "]{1,3})\\s*[日号])?");
    private static final Pattern YEAR_ONLY = Pattern.compile("^\\s*(1[89]\\d{2}|20\\d{2})\\s*年?\\s*$");
    private static final Pattern MINGUO = Pattern.compile("民国\\s*([元" + SMALL + "]{1,4})\\s*年");
    private static final Pattern ANY_YEAR =
            Pattern.compile("(?<!\\d)(?<!民国)(1[5-9]\\d{2}|20\\d{2})\\s*年|(?<!民国)([" + DIGIT + "]{4})\\s*年");
    private static final Pattern DATE_LINE_EXTRA = Pattern.compile("[，。；;！？!?]");

    private static final int EDGE_LINES = 8;
    private static final int DATE_LINE_MAX = 40;
    private static final int MAX_YEARS_TEXT = 100_000;
    private static final int FIRST_PUBLICATION_YEAR = 1949;

    /** A date of a given precision; month and day are 0 when not known. */
    public record PartialDate(int year, int month, int day) {
        public String iso() {
            if (month == 0) {
                return String.format("%04d", year);
            }
            if (day == 0) {
                return String.format("%04d-%02d", year, month);
            }
            return String.format("%04d-%02d-%02d", year, month, day);
        }

        public String precision() {
            return month == 0 ? "year" : day == 0 ? "month" : "day";
        }
    }

    /**
     * Dates a document.
     *
     * @param published the source's own publication date as written (meta tag, labelled line), or null
     * @param simplifiedText the text in simplified characters
     */
    public Dating date(String published, String simplifiedText) {
        Optional<PartialDate> date = Optional.empty();
        if (published != null) {
            date = parse(ChineseScript.toSimplified(published)).or(() -> yearOnly(published));
        }
        if (date.isEmpty()) {
            date = fromDateLines(simplifiedText);
        }
        List<Integer> covered = yearsCovered(simplifiedText);
        return date.map(d -> new Dating(d.iso(), d.precision(), d.year(), covered))
                .orElseGet(() -> new Dating(null, null, null, covered));
    }

    private Optional<PartialDate> fromDateLines(String text) {
        String[] lines = text.split("\n");
        List<String> edge = new ArrayList<>();
        for (int i = 0; i < Math.min(EDGE_LINES, lines.length); i++) {
            edge.add(lines[i]);
        }
        for (int i = Math.max(EDGE_LINES, lines.length - EDGE_LINES); i < lines.length; i++) {
            edge.add(lines[i]);
        }
        for (String line : edge) {
            String l = line.strip();
            if (l.length() > DATE_LINE_MAX || l.contains("民国")) {
                continue;
            }
            Optional<Found> found = find(l);
            if (found.isEmpty()) {
                continue;
            }
            Found f = found.get();
            String rest = (l.substring(0, f.start()) + " " + l.substring(f.end())).strip();
            boolean parenthesised = rest.startsWith("（") || rest.startsWith("(");
            boolean onlyDate = rest.replaceAll("[（）()【】\\[\\]\\s]", "").isEmpty();
            boolean delivered = parenthesised && rest.matches("^[（(]\\s*(在|于).*");
            boolean signature =
                    f.end() >= l.length() - 1 && !DATE_LINE_EXTRA.matcher(rest).find();
            if (onlyDate || delivered || signature) {
                return Optional.of(f.date());
            }
        }
        return Optional.empty();
    }

    private record Found(PartialDate date, int start, int end) {}

    /** The first valid publication-range date in {@code s} (numeric, written or Chinese numerals). */
    public static Optional<PartialDate> parse(String s) {
        return find(s).map(Found::date);
    }

    private static Optional<Found> find(String s) {
        Found best = null;
        for (Pattern p : List.of(NUMERIC, WRITTEN, CHINESE)) {
            Matcher m = p.matcher(s);
            while (m.find()) {
                Optional<PartialDate> d = toDate(m.group(1), m.group(2), m.group(3));
                if (d.isPresent() && (best == null || m.start() < best.start())) {
                    best = new Found(d.get(), m.start(), m.end());
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<PartialDate> yearOnly(String s) {
        Matcher m = YEAR_ONLY.matcher(s);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            if (inPublicationRange(y)) {
                return Optional.of(new PartialDate(y, 0, 0));
            }
        }
        return Optional.empty();
    }

    private static Optional<PartialDate> toDate(String year, String month, String day) {
        OptionalInt y = ChineseNumerals.yearDigits(year);
        OptionalInt m = ChineseNumerals.small(month);
        OptionalInt d = day == null ? OptionalInt.of(0) : ChineseNumerals.small(day);
        if (y.isEmpty() || m.isEmpty() || d.isEmpty() || !inPublicationRange(y.getAsInt())) {
            return Optional.empty();
        }
        int mm = m.getAsInt();
        int dd = d.getAsInt();
        if (mm < 1 || mm > 12) {
            return Optional.empty();
        }
        if (dd != 0 && (dd < 1 || dd > YearMonth.of(y.getAsInt(), mm).lengthOfMonth())) {
            return Optional.empty();
        }
        return Optional.of(new PartialDate(y.getAsInt(), mm, dd));
    }

    private static boolean inPublicationRange(int year) {
        return year >= FIRST_PUBLICATION_YEAR && year <= Year.now().getValue() + 1;
    }

    /** Every year the text mentions: 1937年, 一九三七年, 民国二十六年 (as 1937), ascending. */
    public static List<Integer> yearsCovered(String simplifiedText) {
        String s =
                simplifiedText.length() > MAX_YEARS_TEXT ? simplifiedText.substring(0, MAX_YEARS_TEXT) : simplifiedText;
        int latest = Year.now().getValue() + 1;
        TreeSet<Integer> years = new TreeSet<>();
        Matcher m = ANY_YEAR.matcher(s);
        while (m.find()) {
            OptionalInt y = ChineseNumerals.yearDigits(m.group(1) != null ? m.group(1) : m.group(2));
            if (y.isPresent() && y.getAsInt() >= 1500 && y.getAsInt() <= latest) {
                years.add(y.getAsInt());
            }
        }
        Matcher mg = MINGUO.matcher(s);
        while (mg.find()) {
            OptionalInt n = ChineseNumerals.small(mg.group(1));
            if (n.isPresent() && n.getAsInt() >= 1 && n.getAsInt() <= 38) {
                years.add(1911 + n.getAsInt());
            }
        }
        return List.copyOf(years);
    }
}
