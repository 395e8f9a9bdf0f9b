package org.wenshi.ingest.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The counted facts of a document (提案立案656件, 报送社情民意信息3088篇, 协商活动100多场次, 近千场次,
 * 一万多人): a number with a measure word, and what is counted, read back from the number to the
 * start of the clause with leading verbs and time words taken off (全年收到提案512件 → 提案). Arabic
 * and Chinese numerals are read; a Chinese numeral counts only with 百/千/万 or an approximation mark,
 * so slogans such as “四个意识” and “两个维护” are not figures.
 *
 * <p>It never reads dates, ordinals (第四次会议) or percentages as figures, and keeps a figure only
 * when it can name what is counted.
 */
public final class KeyFigureExtractor {
    private static final String UNITS =
            "万人次|人次|场次|万余字|万字|万元|亿元|万人|万辆|万个|万册|件|篇|条|次|场|个|项|期|名|位|人|家|所|份|部|幅|处|册|小时|户|批|款|种|套|本|辆";
    private static final Pattern FIGURE = Pattern.compile("(近|约|超过|逾|达|共)?"
            + "(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千万]+)"
            + "(多|余)?(" + UNITS + ")(?![\\p{IsHan}&&[年月日届周岁倍]])");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[，,。；;：:、“”\"（）()《》\\s—-]");
    private static final String[] LEADING = {
        "经审查", "审查", "收到", "报送", "提交", "提出", "形成", "开展", "组织", "举办", "召开", "举行", "编印", "征集", "走访", "发放", "设立", "建成",
        "采集", "录制", "收录", "梳理", "发现", "培训", "邀请", "参加", "完成", "办理", "评选", "确定", "接待", "达到", "累计", "全年", "今年以来", "以来",
        "今年", "去年", "一年来", "五年来", "五年间", "其中", "共计", "共", "已有", "已", "有", "被", "为", "是", "并", "全市", "全县", "全区", "全州",
        "全省", "实地查看", "查看", "推动", "推出", "出台", "编辑出版", "出版", "编纂", "印发", "举办了"
    };
    private static final String[] TRAILING = {"有", "达", "共", "约", "近", "超过", "已达", "总数"};
    private static final String[] FOLLOWING_STOPS = {
        "在", "来", "参加", "参与", "通过", "作", "将", "已", "完成", "的", "分布", "出席", "发言", "设立", "开展", "建成"
    };
    private static final int MAX_METRIC = 16;
    private static final String[] LEADS_INTO = {"已有", "已在", "有", "在", "的", "和", "分", "与", "及", "不少于", "超过", "共有", "新增"};
    private static final Pattern SENTENCE_YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})年(?![\\d一二三四五六七八九十]{1,2}月)");

    /**
     * The figures of simplified {@code text}.
     *
     * @param year the year the document is about, when it is about one (given to each figure), or null
     * @param place the document's place name, or null
     */
    public List<KeyFigure> extract(String text, Integer year, String place) {
        List<KeyFigure> out = new ArrayList<>();
        for (String sentence : text.split("(?<=[。！？；!?;])|\n")) {
            String s = sentence.strip();
            Matcher m = FIGURE.matcher(s);
            while (m.find()) {
                if (m.start() > 0 && s.charAt(m.start() - 1) == '第') {
                    continue;
                }
                if (m.start(2) > 0 && Character.isDigit(s.charAt(m.start(2) - 1))) {
                    continue;
                }
                String number = m.group(2);
                boolean chinese = !Character.isDigit(number.charAt(0));
                boolean approximate =
                        m.group(1) != null && !"达".equals(m.group(1)) && !"共".equals(m.group(1)) || m.group(3) != null;
                if (chinese && !approximate && !number.matches(".*[百千万].*")) {
                    continue;
                }
                OptionalDouble value = chinese ? chinese(number) : OptionalDouble.of(Double.parseDouble(number));
                if (value.isEmpty()) {
                    continue;
                }
                if (m.start() > 0 && s.charAt(m.start() - 1) == '数') {
                    continue; // 数百人: a vague amount, not a figure
                }
                String before = s.substring(0, m.start());
                String after = s.substring(m.end());
                String metric = countedAfter(before) ? following(after) : null;
                if (metric == null) {
                    metric = before.endsWith("》") ? titleBefore(before) : metric(before);
                }
                if (metric == null) {
                    metric = following(after);
                }
                if (metric == null) {
                    continue;
                }
                out.add(new KeyFigure(metric, value.getAsDouble(), m.group(4), approximate, yearOf(s, year), place, s));
            }
        }
        return out;
    }

    /** What is counted: the clause before the number, leading verbs and time words taken off. */
    static String metric(String before) {
        int start = before.length();
        while (start > 0
                && !CLAUSE_BREAK
                        .matcher(String.valueOf(before.charAt(start - 1)))
                        .matches()) {
            start--;
        }
        String m = before.substring(start);
        if (m.length() > MAX_METRIC) {
            m = m.substring(m.length() - MAX_METRIC);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String t : TRAILING) {
                if (m.endsWith(t) && m.length() - t.length() >= 2) {
                    m = m.substring(0, m.length() - t.length());
                    changed = true;
                }
            }
        }
        // cut after the last leading verb or time word that leaves at least two characters
        int cut = 0;
        for (String w : LEADING) {
            for (int i = m.indexOf(w); i >= 0; i = m.indexOf(w, i + 1)) {
                int end = i + w.length();
                if (m.length() - end >= 2 && end > cut) {
                    cut = end;
                }
            }
        }
        m = m.substring(cut);
        if (m.length() < 2
                || !m.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return null;
        }
        return m;
    }

    /** True when the words before the number lead into what follows it (已有56部加装电梯, 分3个小组, 8家民营企业). */
    private static boolean countedAfter(String before) {
        String b = before.strip();
        if (b.isEmpty() || CLAUSE_BREAK.matcher(b.substring(b.length() - 1)).matches()) {
            return true;
        }
        for (String lead : LEADS_INTO) {
            if (b.endsWith(lead)) {
                return true;
            }
        }
        return false;
    }

    /** 编报《社情民意》42期: the publication counted. */
    private static String titleBefore(String before) {
        int open = before.lastIndexOf('《');
        String title = open >= 0 ? before.substring(open + 1, before.length() - 1) : "";
        return title.length() >= 2 && title.length() <= MAX_METRIC ? title : null;
    }

    /** The one year a sentence names (2023年，市政协…), else the document's. */
    private static Integer yearOf(String sentence, Integer documentYear) {
        Matcher y = SENTENCE_YEAR.matcher(sentence);
        Integer found = null;
        while (y.find()) {
            int v = Integer.parseInt(y.group(1));
            if (found != null && found != v) {
                return documentYear;
            }
            found = v;
        }
        return found != null ? found : documentYear;
    }

    /** What is counted when it follows the number (120名台湾青年来厦参访 → 台湾青年). */
    static String following(String after) {
        int end = 0;
        while (end < after.length()
                && end < MAX_METRIC
                && Character.UnicodeScript.of(after.charAt(end)) == Character.UnicodeScript.HAN) {
            end++;
        }
        String m = after.substring(0, end);
        for (String stop : FOLLOWING_STOPS) {
            int i = m.indexOf(stop);
            if (i >= 2) {
                m = m.substring(0, i);
            }
        }
        return m.length() >= 2 && m.length() <= 8 ? m : null;
    }

    /** 一万 → 10000, 二百 → 200, 千 → 1000, 十 → 10, 三千五百 → 3500. */
    static OptionalDouble chinese(String s) {
        long total = 0;
        long section = 0;
        long digit = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = ChineseNumerals.digit(c);
            if (d >= 0) {
                digit = d;
                continue;
            }
            long unit =
                    switch (c) {
                        case '十' -> 10;
                        case '百' -> 100;
                        case '千' -> 1000;
                        case '万' -> 10_000;
                        default -> -1;
                    };
            if (unit < 0) {
                return OptionalDouble.empty();
            }
            if (unit == 10_000) {
                total += (section + Math.max(digit, 0)) * unit;
                if (section == 0 && digit < 0) {
                    total = Math.max(total, unit);
                }
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * unit;
            }
            digit = -1;
        }
        long v = total + section + Math.max(digit, 0);
        return v > 0 ? OptionalDouble.of(v) : OptionalDouble.empty();
    }
}
