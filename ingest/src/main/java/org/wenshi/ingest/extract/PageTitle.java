package org.wenshi.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The title of a web page: the article's own heading when the page title repeats it (the page title
 * is then the heading plus a site name or a channel), otherwise the page title without its site-name
 * suffix or prefix ("标题_栏目_某某政协网", "某某日报 | 标题", "标题--开封文史"). The part taken off is
 * the site name when it looks like one.
 *
 * <p>It never invents a title: when neither the page title nor a heading has text, the caller falls
 * back to the first line of the article.
 */
final class PageTitle {
    private static final Pattern SEPARATOR =
            Pattern.compile("\\s*(?:[_|｜]|\\s[-–—－]\\s|\\s——\\s|--|-(?=\\S*(?:网|政协|日报|文史)$))\\s*");
    private static final Pattern SITE_WORDS = Pattern.compile(
            ".*(网|网站|门户|官网|在线|政协|日报|晚报|早报|报社|报|频道|电视台|广播|之窗|之声|要闻|动态|资讯|新闻|文史|天地|风物|"
                    + "政务|首页|栏目|专栏|摘编|文史资料|委员风采|提案工作)$"
                    + "|.*(\\.com|\\.cn|www\\.).*",
            Pattern.CASE_INSENSITIVE);
    private static final int HEADING_MAX = 120;
    private static final Pattern TITLE_CLASS =
            Pattern.compile("(?i)title|biaoti|headline|(^|[\\s_-])(bt|tit|ttl|tt)([\\s_-]|$)");

    /** A title and the site name taken off the page title, if any. */
    record Parts(String title, Optional<String> siteName) {}

    private PageTitle() {}

    /** The title of {@code doc}, before any element is removed from it. */
    static Parts of(Document doc) {
        String pageTitle = TextLines.cleanLine(doc.title());
        Optional<String> heading = heading(doc, pageTitle);
        if (pageTitle.isBlank()) {
            return new Parts(heading.orElse(""), Optional.empty());
        }
        if (heading.isPresent()) {
            String h = heading.get();
            Optional<String> site = rest(pageTitle, h).filter(PageTitle::looksLikeSite);
            return new Parts(h, site);
        }
        return split(pageTitle, null);
    }

    /**
     * The element text that the page title repeats, longest first: an {@code h1}…{@code h3}, or any
     * short element (old table layouts set the heading in {@code <font><b>}). Without a page title,
     * the first {@code h1} or {@code h2}.
     */
    static Optional<String> heading(Document doc, String pageTitle) {
        Element body = doc.body();
        if (body == null) {
            return Optional.empty();
        }
        if (pageTitle.isBlank()) {
            for (Element h : body.select("h1, h2, h3")) {
                String t = TextLines.cleanLine(h.text());
                if (t.length() >= 4 && t.length() <= HEADING_MAX && !WebPageLines.isBoilerplate(t)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
        String best = null;
        int bestRank = -1;
        int min = Math.max(4, pageTitle.length() * 2 / 5);
        for (Element e : body.getAllElements()) {
            if (e == body || e.childrenSize() > 2 || e.normalName().equals("a")) {
                continue;
            }
            String t = TextLines.cleanLine(e.text());
            if (t.length() < min || t.length() > HEADING_MAX || !pageTitle.contains(t)) {
                continue;
            }
            int rank = rank(e, t);
            if (rank > bestRank || rank == bestRank && t.length() > best.length()) {
                best = t;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * How much an element the page title repeats looks like the article's heading: a heading element
     * or a title class most, any other element less, and text that looks like a site name (the logo
     * "某某政协门户网站" is often repeated in the page title too) least.
     */
    private static int rank(Element e, String text) {
        if (looksLikeSite(text)) {
            return 0;
        }
        boolean heading = e.normalName().matches("h[1-3]")
                || TITLE_CLASS.matcher(e.className() + " " + e.id()).find();
        return heading ? 2 : 1;
    }

    /** What the page title holds beside {@code heading}, separators stripped. */
    private static Optional<String> rest(String pageTitle, String heading) {
        int at = pageTitle.indexOf(heading);
        String before = pageTitle.substring(0, at);
        String after = pageTitle.substring(at + heading.length());
        String rest = (after.isBlank() ? before : after).replaceAll("^[\\s_|｜\\-–—－:：]+|[\\s_|｜\\-–—－:：]+$", "");
        List<String> parts = parts(rest);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(after.isBlank() ? parts.get(0) : parts.get(parts.size() - 1));
    }

    private static List<String> parts(String s) {
        List<String> parts = new ArrayList<>();
        for (String p : SEPARATOR.split(" " + s + " ")) {
            if (!p.isBlank()) {
                parts.add(p.strip());
            }
        }
        return parts;
    }

    /** A page title without its site-name suffix (or prefix), and the site name taken off. */
    static Parts split(String pageTitle, String heading) {
        if (pageTitle.isBlank()) {
            return new Parts(heading == null ? "" : heading, Optional.empty());
        }
        List<String> parts = parts(pageTitle);
        Optional<String> site = Optional.empty();
        while (parts.size() > 1 && looksLikeSite(parts.get(parts.size() - 1))) {
            String removed = parts.remove(parts.size() - 1);
            if (site.isEmpty()) {
                site = Optional.of(removed);
            }
        }
        if (parts.size() > 1 && looksLikeSite(parts.get(0))) {
            String removed = parts.remove(0);
            site = site.or(() -> Optional.of(removed));
        }
        String title = parts.isEmpty() ? pageTitle : parts.get(0);
        if (parts.size() > 1) {
            // Separators inside a real title ("报告——摘编"): keep the text up to the site part.
            int end = pageTitle.lastIndexOf(parts.get(parts.size() - 1))
                    + parts.get(parts.size() - 1).length();
            int start = pageTitle.indexOf(parts.get(0));
            title = start >= 0 && end > start ? pageTitle.substring(start, end) : title;
        }
        if (heading != null && title.contains(heading) && heading.length() >= title.length() / 2) {
            title = heading;
        }
        return new Parts(title.strip(), site);
    }

    private static boolean looksLikeSite(String part) {
        return part.length() <= 24
                && SITE_WORDS.matcher(ChineseScript.toSimplified(part)).matches();
    }
}
