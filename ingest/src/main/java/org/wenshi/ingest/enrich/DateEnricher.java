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
import org.wenshi.ingest.extract.LabelledLines;

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

    private static final Pattern TIME = Pattern.compile("^\\s*\\d{1,2}:\\d{2}(:\\d{2})?");
    private static final Pattern PUBLICATION_LINE =
            Pattern.compile("^[（(]?\\s*(原载|选自|摘自|载于|载|转载自|来源[:：]?)?\\s*《[^》]{2,30}》");
    private static final Pattern YEARLESS_DAY =
            Pattern.compile("(?<![年\\d])(\\d{1,2}|[一二三四五六七八九十]{1,2})月(\\d{1,2}|[一二三四五六七八九十]{1,3})日");
    private static final Pattern ARABIC_YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})\\s*年");
    private static final Pattern TARGET_BEFORE = Pattern.compile("[到至]\\s*$");
    private static final int BESIDE_MAX = 24;
    private static final Pattern LAST_YEAR = Pattern.compile("过去一年|一年来|过去的一年");
    private static final Pattern YEARS_SINCE = Pattern.compile("([二三四五六七八九十]{1,2}|\\d{1,2})年(?:来|间|多来)");
    private static final int LEDE = 120;
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
        return date(published, simplifiedText, false);
    }

    /**
     * Dates a document whose genre is known.
     *
     * @param historical true for memoirs and 文史资料: the years covered then run from the earliest to
     *     the latest year the text tells about
     */
    public Dating date(String published, String simplifiedText, boolean historical) {
        return date(published, null, simplifiedText, historical);
    }

    /**
     * Dates a document with its title: when neither the source's metadata nor a date line nor a
     * series line dates it, a year the title gives as the document's own (see {@link #titleYear}).
     *
     * @param simplifiedTitle the title in simplified characters, or null
     */
    public Dating date(String published, String simplifiedTitle, String simplifiedText, boolean historical) {
        Optional<PartialDate> date = Optional.empty();
        String source = null;
        if (published != null) {
            date = parse(ChineseScript.toSimplified(published)).or(() -> yearOnly(published));
            source = Dating.METADATA;
        }
        if (date.isEmpty()) {
            Optional<Sourced> lines = fromDateLines(simplifiedText);
            date = lines.map(Sourced::date);
            source = lines.map(Sourced::source).orElse(null);
        }
        if (date.isEmpty() && simplifiedTitle != null && !historical) {
            date = titleYear(simplifiedTitle).stream()
                    .mapToObj(y -> new PartialDate(y, 0, 0))
                    .findFirst();
            source = Dating.TITLE;
        }
        if (date.isEmpty()) {
            date = fromYearlessLede(simplifiedText);
            source = Dating.LEDE;
        }
        List<Integer> covered = yearsCovered(simplifiedText, date.orElse(null), historical);
        String from = source;
        return date.map(d -> new Dating(d.iso(), d.precision(), d.year(), covered, from))
                .orElseGet(() -> new Dating(null, null, null, covered, null));
    }

    /** A date and where it was read. */
    private record Sourced(PartialDate date, String source) {}

    private static final Pattern TITLE_YEAR =
            Pattern.compile("(?<!\\d)(1[89]\\d{2}|20\\d{2})\\s*年|([" + DIGIT + "]{4})\\s*年");
    /** What an official document calls itself after the year of its work (2023年…工作报告). */
    private static final Pattern DOCUMENT_KIND = Pattern.compile("报告|工作要点|要点|计划|总结|公报|决议|纪要|规划|安排|提案|年鉴|大事记");
    /** A year recalled or celebrated, not the document's own (纪念1949年…, 自1978年以来, 1949年…75周年). */
    private static final Pattern RECALLED = Pattern.compile("(纪念|庆祝|回顾|回忆|忆|自|从|至|到|以来|周年)");

    /**
     * The year a title gives as the document's own: a year that opens the title (alone or after the
     * issuer's name: 郑州市政协2023年工作报告), or one that an official document's kind follows
     * (…委员会常务委员会2023年度工作报告), in Arabic or Chinese digits (二〇二三年, 二零二三年), and not
     * a year recalled or celebrated. Only for documents that are not memoirs or 文史资料, whose titles
     * name the years they tell about (一九三八年的武汉).
     */
    static OptionalInt titleYear(String title) {
        Matcher m = TITLE_YEAR.matcher(title);
        while (m.find()) {
            OptionalInt y = m.group(1) != null
                    ? OptionalInt.of(Integer.parseInt(m.group(1)))
                    : ChineseNumerals.yearDigits(m.group(2));
            if (y.isEmpty() || !inPublicationRange(y.getAsInt())) {
                continue;
            }
            String before = title.substring(Math.max(0, m.start() - 4), m.start());
            String after = title.substring(m.end());
            if (RECALLED.matcher(before).find() || RECALLED.matcher(after).lookingAt() || after.contains("周年")) {
                continue;
            }
            String name = title.substring(0, m.start()).strip();
            boolean opens = name.isEmpty()
                    || (name.length() <= TITLE_NAME_MAX && ISSUER.matcher(name).find());
            if (opens || DOCUMENT_KIND.matcher(after).find()) {
                return y;
            }
        }
        return OptionalInt.empty();
    }

    /** The longest issuer's name that may stand before a title's year (a committee's full name). */
    private static final int TITLE_NAME_MAX = 30;
    /** How an issuer's name ends: 政协郑州市委员会, 国务院, 郑州市人民政府, 巴中市 …. */
    private static final Pattern ISSUER = Pattern.compile("(委员会|政协|政府|国务院|人大|办公室|办公厅|[省市县区州盟旗])$");

    /**
     * A news lede that gives a day without a year ("2月7日上午，…会议开幕") was published in the latest
     * year the text names (the year whose work it plans), as a year only. Memoirs never open so.
     */
    private Optional<PartialDate> fromYearlessLede(String text) {
        String opening = text.length() > LEDE ? text.substring(0, LEDE) : text;
        Matcher lede = YEARLESS_DAY.matcher(opening);
        if (!lede.find()) {
            return Optional.empty();
        }
        int latest = Year.now().getValue() + 1;
        int max = 0;
        Matcher m = ARABIC_YEAR.matcher(text.length() > MAX_YEARS_TEXT ? text.substring(0, MAX_YEARS_TEXT) : text);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (y <= latest
                    && !TARGET_BEFORE
                            .matcher(text.substring(Math.max(0, m.start() - 2), m.start()))
                            .find()) {
                max = Math.max(max, y);
            }
        }
        return inPublicationRange(max) ? Optional.of(new PartialDate(max, 0, 0)) : Optional.empty();
    }

    private Optional<Sourced> fromDateLines(String text) {
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
            String rest = (l.substring(0, f.start()) + " "
                            + TIME.matcher(l.substring(f.end())).replaceFirst(""))
                    .strip();
            boolean onlyDate = rest.replaceAll("[（）()【】\\[\\]\\s]", "").isEmpty();
            boolean delivered = rest.matches("^[（(—－\\-\\s]*(在|于).*");
            boolean signature =
                    f.end() >= l.length() - 1 && !DATE_LINE_EXTRA.matcher(rest).find();
            // "四川省南江县政协主席 吴开财 2024-05-14 15:42:49", "2024年6月11日 桂林日报"
            boolean beside = rest.length() <= BESIDE_MAX
                    && !DATE_LINE_EXTRA.matcher(rest).find();
            if (onlyDate || delivered || signature || beside) {
                return Optional.of(new Sourced(f.date(), Dating.DATE_LINE));
            }
        }
        for (int i = lines.length - 1; i >= Math.max(0, lines.length - EDGE_LINES); i--) {
            Optional<PartialDate> printed = publicationLine(lines[i].strip());
            if (printed.isPresent()) {
                return Optional.of(new Sourced(printed.get(), Dating.SERIES_LINE));
            }
        }
        return Optional.empty();
    }

    /**
     * Where a reprinted article says it first appeared: "（原载《武乡文史资料》第三辑，一九八七年十月）",
     * "选自《武汉文史资料》1985年第2期", "《黄山文史》第九辑 2006年": the year (and month) of that volume.
     */
    static Optional<PartialDate> publicationLine(String line) {
        if (line.length() > DATE_LINE_MAX + 10
                || !PUBLICATION_LINE.matcher(line).find()) {
            return Optional.empty();
        }
        Optional<PartialDate> full = parse(line);
        if (full.isPresent()) {
            return full;
        }
        Matcher y = ANY_YEAR.matcher(line);
        while (y.find()) {
            OptionalInt v = ChineseNumerals.yearDigits(y.group(1) != null ? y.group(1) : y.group(2));
            if (v.isPresent() && inPublicationRange(v.getAsInt())) {
                return Optional.of(new PartialDate(v.getAsInt(), 0, 0));
            }
        }
        return Optional.empty();
    }

    /** True for a line that states when the document was written or published (not what it is about). */
    static boolean isDateLine(String line) {
        String l = line.strip();
        if (publicationLine(l).isPresent()) {
            return true;
        }
        if (l.length() > DATE_LINE_MAX || l.contains("民国")) {
            return false;
        }
        Optional<Found> found = find(l);
        if (found.isEmpty()) {
            return false;
        }
        String rest = (l.substring(0, found.get().start()) + " "
                        + l.substring(found.get().end()))
                .strip();
        return !DATE_LINE_EXTRA.matcher(rest).find() || rest.matches("^[（(—－\\-\\s]*(在|于).*");
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

    /**
     * The years a document is about. Lines that date the document itself are left out. For a historical
     * text: from the earliest to the latest year it tells about, events (抗战胜利 → 1945) and decades
     * (一九八〇年代) included. For a contemporary one: the years it names up to its publication, a
     * report's plan year left out when it also reviews the year before (delivered early in the year),
     * relative phrases read against the publication date (过去一年, 五年来), else the publication year.
     */
    static List<Integer> yearsCovered(String simplifiedText, PartialDate published, boolean historical) {
        StringBuilder body = new StringBuilder();
        for (String line : simplifiedText.split("\n")) {
            if (!isDateLine(line) && !LabelledLines.isLabelLine(line)) {
                body.append(line).append('\n');
            }
        }
        String text = body.toString();
        TreeSet<Integer> years = new TreeSet<>(yearsCovered(text));
        if (historical) {
            years.addAll(HistoricalYears.of(text));
            if (published != null) {
                years.removeIf(y -> y >= published.year());
            }
            if (years.isEmpty()) {
                return List.of();
            }
            List<Integer> span = new ArrayList<>();
            for (int y = years.first(); y <= years.last(); y++) {
                span.add(y);
            }
            return span;
        }
        if (published == null) {
            return List.copyOf(years);
        }
        int pub = published.year();
        boolean early = published.month() == 0 || published.month() <= 3;
        years.removeIf(y -> y > pub);
        Matcher last = LAST_YEAR.matcher(text);
        boolean reviewsLastYear = last.find();
        if (reviewsLastYear) {
            years.add(early ? pub - 1 : pub);
        }
        Matcher span = YEARS_SINCE.matcher(text);
        if (span.find()) {
            OptionalInt n = ChineseNumerals.small(span.group(1));
            if (n.isPresent() && n.getAsInt() >= 2 && n.getAsInt() <= 20) {
                int end = early ? pub - 1 : pub;
                for (int y = end - n.getAsInt() + 1; y <= end; y++) {
                    years.add(y);
                }
            }
        }
        if (early && years.contains(pub - 1)) {
            years.remove(pub);
        }
        if (years.isEmpty()) {
            years.add(pub);
        }
        return List.copyOf(years);
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
