package org.wenshi.ingest.enrich;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Years a historical text points at without writing them: well-known events and periods (七七事变 →
 * 1937, 抗战胜利 → 1945, 抗战时期 → 1937–1945, 民国初年 → 1912) and decades (一九八〇年代, 1980年代,
 * 二十世纪八十年代 → 1980–1989). Only for memoirs and 文史资料: a contemporary report's "新中国成立75周年"
 * is not about 1949. It never dates a document.
 */
final class HistoricalYears {
    /** Event or period → first and last year. */
    private static final Map<String, int[]> EVENTS = Map.ofEntries(
            Map.entry("辛亥革命", new int[] {1911, 1911}),
            Map.entry("民国初年", new int[] {1912, 1912}),
            Map.entry("五四运动", new int[] {1919, 1919}),
            Map.entry("九一八事变", new int[] {1931, 1931}),
            Map.entry("七七事变", new int[] {1937, 1937}),
            Map.entry("卢沟桥事变", new int[] {1937, 1937}),
            Map.entry("全面抗战", new int[] {1937, 1945}),
            Map.entry("抗战时期", new int[] {1937, 1945}),
            Map.entry("抗日战争时期", new int[] {1937, 1945}),
            Map.entry("抗战胜利", new int[] {1945, 1945}),
            Map.entry("抗日战争胜利", new int[] {1945, 1945}),
            Map.entry("百团大战", new int[] {1940, 1940}),
            Map.entry("解放战争", new int[] {1946, 1949}),
            Map.entry("新中国成立后", new int[] {1949, 1949}),
            Map.entry("延安文艺座谈会", new int[] {1942, 1942}));

    private static final Pattern DECADE =
            Pattern.compile("(?:(?:二十|20)世纪)?([一二三四五六七八九]十|[1-9]0)年代|((?:19|20)\\d0|[一二][九〇零○][一二三四五六七八九〇零○][〇零○])年代");

    private HistoricalYears() {}

    static TreeSet<Integer> of(String simplifiedText) {
        TreeSet<Integer> years = new TreeSet<>();
        EVENTS.forEach((name, range) -> {
            if (simplifiedText.contains(name)) {
                years.add(range[0]);
                years.add(range[1]);
            }
        });
        Matcher m = DECADE.matcher(simplifiedText);
        while (m.find()) {
            int start = -1;
            if (m.group(2) != null) {
                start = ChineseNumerals.yearDigits(m.group(2)).orElse(-1);
            } else {
                String d = m.group(1);
                int tens = Character.isDigit(d.charAt(0))
                        ? d.charAt(0) - '0'
                        : ChineseNumerals.small(d).orElse(0) / 10;
                if (tens > 0) {
                    start = 1900 + tens * 10;
                }
            }
            if (start >= 1900) {
                years.add(start);
                years.add(start + 9);
            }
        }
        return years;
    }
}
