package org.wenshi.ingest.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML pages as committee and newspaper sites publish them: the charset from the bytes when the
 * declared one is missing or wrong, the title without the site-name suffix, and the article text
 * without navigation, breadcrumbs, publisher and editor lines, copyright blocks, share bars and
 * 上一篇/下一篇 links. A first cut by structure (boilerplate elements) and text density (the element
 * holding most non-link text); later issues can refine it.
 *
 * <p>It never keeps markup in the text, and never drops a line of the article body because it
 * merely contains a boilerplate word: line filters only remove short lines that are boilerplate as
 * a whole.
 */
public final class HtmlExtractor implements Extractor {
    private static final int SNIFF = 4096;
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING =
            Pattern.compile("<\\?xml[^>]+encoding\\s*=\\s*[\"']([A-Za-z0-9_.\\-]+)", Pattern.CASE_INSENSITIVE);

    private static final String REMOVED_TAGS = "script, style, noscript, iframe, form, nav, header, footer, aside,"
            + " select, button, input, textarea, svg, template, object, embed, map";
    private static final Pattern BOILERPLATE_CLASS = Pattern.compile(
            "(?i)(^|[\\s_-])(nav|navbar|navigation|menu|breadcrumbs?|crumbs?|bread|location|position|footer|foot|"
                    + "copyright|copy|share|sharebar|bdshare|sidebar|side|related|relate|comments?|pager|pagination|"
                    + "prevnext|pre-?next|page-?turn|toolbar|tools|banner|advert|ads?|friendlinks?|links|login|search|"
                    + "header|top|topbar|bottom)([\\s_-]|$)");
    private static final Pattern PUBLISHED_META = Pattern.compile(
            "(?i)article:published_time|og:published_time|og:article:published_time|pubdate|publishdate|publish_date|"
                    + "publishtime|publish-date|firstpublishedtime|dc\\.date\\.issued|dc\\.date|dcterms\\.issued|"
                    + "dcterms\\.created|date|releasedate|article:modified_time");
    private static final List<String> PUBLISHED_PRIORITY = List.of(
            "article:published_time",
            "og:published_time",
            "og:article:published_time",
            "pubdate",
            "publishdate",
            "publish_date",
            "publishtime",
            "publish-date",
            "firstpublishedtime",
            "dc.date.issued",
            "dcterms.issued",
            "dcterms.created",
            "dc.date",
            "releasedate",
            "date",
            "article:modified_time");

    /** Lines that are boilerplate whatever their length (up to {@link #BOILERPLATE_MAX}). */
    private static final List<Pattern> BOILERPLATE_LINES = List.of(
            Pattern.compile("^(上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇)\\s*[:：]?.*"),
            Pattern.compile(
                    "^(版权所有|版权声明|Copyright|©|主办单位|承办单位|技术支持|网站地图|联系我们|建议使用|"
                            + "ICP备|网站标识码|备案号|免责声明|本站声明|本文声明)\\s*[:：]?.*",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(首页|网站首页|当前位置|您当前的位置|您的位置|当前所在位置|位置)\\s*[:：]?.*"),
            Pattern.compile(".*[>＞›»]\\s*(正文|详情|内容)\\s*$"),
            Pattern.compile("^(分享到|打印本页|关闭窗口|【打印】|【关闭】|【返回顶部】|返回顶部|扫一扫|收藏本页|【字体|"
                    + "字体：|字号：|相关热词搜索|相关阅读|相关新闻|相关文章|热点推荐|推荐阅读|【责任编辑).*"),
            Pattern.compile("^(登录|注册|搜索|English|无障碍|长者模式|繁體|繁体|简体)(\\s*[|丨/]\\s*\\S+)*$"));
    /** Words that make a line boilerplate anywhere in it, but only in a line that is not a sentence. */
    private static final Pattern BOILERPLATE_WORDS = Pattern.compile(
            ".*(版权所有|Copyright|©|All Rights Reserved|ICP备|ICP证|公网安备|网站标识码|技术支持|主办单位|承办单位|"
                    + "分享到|打印本页|关闭窗口|责任编辑|最佳浏览|分辨率).*",
            Pattern.CASE_INSENSITIVE);

    private static final int NOT_A_SENTENCE_MAX = 80;
    private static final int BOILERPLATE_MAX = 120;

    private static final Pattern TITLE_SEPARATOR =
            Pattern.compile("\\s*(?:[_|｜]|\\s[-–—－]\\s|——|--|-{1}(?=\\S*(网|政协)))\\s*");
    private static final Pattern SITE_WORDS = Pattern.compile(
            ".*(网|网站|门户|官网|在线|政协|日报|晚报|早报|报社|频道|电视台|广播|之窗|之声|要闻|动态|资讯|新闻)$" + "|.*(\\.com|\\.cn|www\\.).*",
            Pattern.CASE_INSENSITIVE);

    @Override
    public Extraction extract(ExtractInput input) throws ExtractionException {
        byte[] bytes = input.bytes();
        if (bytes.length == 0) {
            throw new ExtractionException("empty file (0 bytes)");
        }
        if (PlainTextExtractor.looksBinary(bytes)) {
            throw new ExtractionException("not an HTML file: binary content");
        }
        Charset declared = declaredCharset(bytes);
        Charset charset = CharsetGuesser.guess(bytes, declared);
        Document doc = Jsoup.parse(CharsetGuesser.decode(bytes, charset));

        Map<Metadata, String> metadata = LabelledLines.newMetadata();
        if (declared != null) {
            metadata.put(Metadata.DECLARED_CHARSET, declared.name());
        }
        readMetaTags(doc, metadata);

        Optional<String> h1 = firstHeading(doc);
        String pageTitle = TextLines.cleanLine(doc.title());
        TitleParts title = splitTitle(pageTitle, h1.orElse(null));
        title.siteName().ifPresent(s -> metadata.putIfAbsent(Metadata.SITE_NAME, s));

        Element body = doc.body() == null ? doc : doc.body();
        LabelledLines.read(lines(body), metadata);

        body.select(REMOVED_TAGS).remove();
        for (Element e : body.getAllElements()) {
            if (e != body && e.parent() != null && isBoilerplateContainer(e)) {
                e.remove();
            }
        }
        Element main = mainContent(body);
        List<String> kept = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String line : lines(main)) {
            if (isBoilerplateLine(line)) {
                removed.add(line);
            } else {
                kept.add(line);
            }
        }
        LabelledLines.read(removed, metadata);

        String finalTitle = title.title().isBlank() ? h1.orElse(kept.isEmpty() ? "" : kept.get(0)) : title.title();
        if (kept.isEmpty()) {
            throw new ExtractionException("empty: no text in the page");
        }
        if (finalTitle.isBlank()) {
            finalTitle = kept.get(0);
        }
        if (finalTitle.length() > 200) {
            finalTitle = finalTitle.substring(0, 200);
        }
        return InjectedText.apply(new Extraction(finalTitle, String.join("\n", kept), charset, metadata, removed));
    }

    /** The charset named in a meta tag or XML declaration of the first bytes, or null. */
    static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            return CharsetGuesser.forName(m.group(1));
        }
        Matcher x = XML_ENCODING.matcher(head);
        return x.find() ? CharsetGuesser.forName(x.group(1)) : null;
    }

    private static void readMetaTags(Document doc, Map<Metadata, String> metadata) {
        Map<String, String> published = new HashMap<>();
        for (Element meta : doc.select("meta[content]")) {
            String key = (meta.hasAttr("property")
                            ? meta.attr("property")
                            : meta.hasAttr("name") ? meta.attr("name") : meta.attr("itemprop"))
                    .trim()
                    .toLowerCase(Locale.ROOT);
            String value = meta.attr("content").trim();
            if (key.isEmpty() || value.isEmpty()) {
                continue;
            }
            if (PUBLISHED_META.matcher(key).matches()) {
                published.putIfAbsent(key, value);
            } else if (key.equals("og:site_name")
                    || key.equals("sitename")
                    || key.equals("site_name")
                    || key.equals("application-name")) {
                metadata.putIfAbsent(Metadata.SITE_NAME, value);
            } else if (key.equals("author") || key.equals("article:author")) {
                metadata.putIfAbsent(Metadata.AUTHOR, value);
            } else if (key.equals("contentsource") || key.equals("source")) {
                metadata.putIfAbsent(Metadata.SOURCE, value);
            }
        }
        for (String key : PUBLISHED_PRIORITY) {
            if (published.containsKey(key)) {
                metadata.put(Metadata.PUBLISHED, published.get(key));
                break;
            }
        }
    }

    private static Optional<String> firstHeading(Document doc) {
        for (Element h : doc.select("h1, h2")) {
            String t = TextLines.cleanLine(h.text());
            if (t.length() >= 4 && !isBoilerplateContainer(h) && !isBoilerplateLine(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** A page title without its site-name suffix (or prefix), and the site name removed. */
    record TitleParts(String title, Optional<String> siteName) {}

    static TitleParts splitTitle(String pageTitle, String heading) {
        if (pageTitle.isBlank()) {
            return new TitleParts(heading == null ? "" : heading, Optional.empty());
        }
        List<String> parts = new ArrayList<>(List.of(TITLE_SEPARATOR.split(pageTitle)));
        parts.removeIf(String::isBlank);
        Optional<String> site = Optional.empty();
        while (parts.size() > 1 && looksLikeSite(parts.get(parts.size() - 1), heading)) {
            String removed = parts.remove(parts.size() - 1);
            if (site.isEmpty()) {
                site = Optional.of(removed);
            }
        }
        if (parts.size() > 1 && looksLikeSite(parts.get(0), heading)) {
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
        return new TitleParts(title.strip(), site);
    }

    private static boolean looksLikeSite(String part, String heading) {
        if (heading != null && heading.equals(part)) {
            return false;
        }
        return part.length() <= 20
                && SITE_WORDS.matcher(ChineseScript.toSimplified(part)).matches();
    }

    private static boolean isBoilerplateContainer(Element e) {
        String idAndClass = e.id() + " " + e.className();
        if (idAndClass.isBlank()) {
            return false;
        }
        return BOILERPLATE_CLASS
                .matcher(idAndClass.replaceAll("([a-z])([A-Z])", "$1 $2"))
                .find();
    }

    static boolean isBoilerplateLine(String original) {
        if (original.length() > BOILERPLATE_MAX) {
            return false;
        }
        String line = ChineseScript.toSimplified(original);
        if (LabelledLines.isLabelLine(line)) {
            return true;
        }
        for (Pattern p : BOILERPLATE_LINES) {
            if (p.matcher(line).matches()) {
                return true;
            }
        }
        return line.length() <= NOT_A_SENTENCE_MAX
                && line.indexOf('。') < 0
                && BOILERPLATE_WORDS.matcher(line).matches();
    }

    /**
     * The element holding most article text: each run of non-link text counts for its nearest
     * block container, half for that container's parent (Readability's idea, much simplified).
     */
    private static Element mainContent(Element body) {
        Map<Element, Double> score = new IdentityHashMap<>();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (!(node instanceof TextNode t)) {
                            return;
                        }
                        String text = t.text().strip();
                        if (text.length() < 10 || insideLink(t)) {
                            return;
                        }
                        Element container = container(t.parent());
                        if (container == null) {
                            return;
                        }
                        double weight = text.length() + countPunctuation(text) * 3;
                        score.merge(container, weight, Double::sum);
                        Element parent = container.parent();
                        if (parent != null) {
                            score.merge(parent, weight / 2, Double::sum);
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {}
                },
                body);
        Element best = body;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : score.entrySet()) {
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        return best;
    }

    private static int countPunctuation(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if ("，。；：、！？,.;".indexOf(text.charAt(i)) >= 0) {
                n++;
            }
        }
        return n;
    }

    private static boolean insideLink(Node node) {
        for (Node p = node.parent(); p != null; p = p.parent()) {
            if (p instanceof Element e && e.normalName().equals("a")) {
                return true;
            }
        }
        return false;
    }

    private static Element container(Node node) {
        for (Node p = node; p != null; p = p.parent()) {
            if (p instanceof Element e
                    && switch (e.normalName()) {
                        case "div", "article", "section", "td", "main", "body", "blockquote", "li", "dd" -> true;
                        default -> false;
                    }) {
                return e;
            }
        }
        return null;
    }

    /** The clean lines of an element: block elements and {@code <br>} break lines. */
    static List<String> lines(Element root) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            sb.append(t.getWholeText().replaceAll("[\\r\\n\\t ]+", " "));
                        } else if (node instanceof Element e) {
                            if (e.normalName().equals("br") || isBlock(e)) {
                                sb.append('\n');
                            } else if (e.normalName().equals("td")
                                    || e.normalName().equals("th")) {
                                sb.append(' ');
                            }
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e && isBlock(e)) {
                            sb.append('\n');
                        }
                    }
                },
                root);
        return TextLines.clean(sb.toString());
    }

    private static boolean isBlock(Element e) {
        return switch (e.normalName()) {
            case "p",
                    "div",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "li",
                    "ul",
                    "ol",
                    "tr",
                    "table",
                    "section",
                    "article",
                    "blockquote",
                    "pre",
                    "dd",
                    "dt",
                    "dl",
                    "main",
                    "header",
                    "footer",
                    "hr",
                    "center",
                    "address",
                    "figure",
                    "figcaption",
                    "body",
                    "nav",
                    "aside" -> true;
            default -> false;
        };
    }
}
