package org.wenshi.ingest.extract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a web page states its publication date, as written: a date in a line (2024-05-14
 * 15:42, 2024年05月14日, 二〇二四年五月十四日) and a date in the page's address
 * ({@code /2024-05/14/}, {@code /202405/t20240514_1.html}, {@code /2024/0514/}). Exists so the HTML
 * extractor can hand the enricher the page's own date even when the line holding it is not part of
 * the article.
 *
 * <p>It never interprets a date (no calendar checks beyond month and day ranges, no year ranges):
 * that is the date enricher's job. It never looks at the article's narrative.
 */
final class PublicationDate {
    private static final String CN_DIGIT = "〇零○Ｏ０一二三四五六七八九";
    private static final Pattern IN_LINE =
            Pattern.compile("(?<!\\d)(?:19|20)\\d{2}\\s*[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*\\d{1,2}"
                    + "(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?(?!\\d)"
                    + "|(?<!\\d)(?:19|20)\\d{2}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日号](?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?"
                    + "|[" + CN_DIGIT + "]{4}\\s*年\\s*[一二三四五六七八九十]{1,3}\\s*月\\s*[一二三四五六七八九十廿卅]{1,3}\\s*[日号]");
    private static final Pattern IN_URL =
            Pattern.compile("(?<![0-9])((?:19|20)\\d{2})[-_/]?(0[1-9]|1[0-2])[-_/]?(0[1-9]|[12]\\d|3[01])(?![0-9])");

    private PublicationDate() {}

    /** The first date written in {@code line}, as written. */
    static Optional<String> inLine(String line) {
        Matcher m = IN_LINE.matcher(line);
        return m.find() ? Optional.of(m.group().strip()) : Optional.empty();
    }

    /** True when {@code line} is nothing but a date (and a time, a weekday, brackets). */
    static boolean isDateLine(String line) {
        Matcher m = IN_LINE.matcher(line);
        if (!m.find()) {
            return false;
        }
        String rest = (line.substring(0, m.start()) + line.substring(m.end()))
                .replaceAll("星期[一二三四五六日天]|周[一二三四五六日]|[（）()【】\\[\\]\\s]", "");
        return rest.isEmpty();
    }

    /** The date in a page address's path, as {@code yyyy-MM-dd}, when the path holds one. */
    static Optional<String> inUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
        Matcher m = IN_URL.matcher(path);
        return m.find() ? Optional.of(m.group(1) + "-" + m.group(2) + "-" + m.group(3)) : Optional.empty();
    }
}
