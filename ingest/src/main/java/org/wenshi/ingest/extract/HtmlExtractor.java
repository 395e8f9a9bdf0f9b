package org.wenshi.ingest.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * HTML pages as committee and newspaper sites publish them, main content only: the charset from the
 * bytes when the declared one (meta tag or HTTP {@code Content-Type}) is missing or wrong; the title
 * without the site-name suffix ({@link PageTitle}); the article's block ({@link MainContent}) without
 * the lines that are not article text ({@link WebPageLines}); and what the page states about itself:
 * the publication date (meta tags, 发布时间/日期 lines, the date line under the title, the address),
 * the byline (作者, 记者, 通讯员 — as metadata, not text), editorial lines (编辑, 责编, 校对, 审核, 终审),
 * the source (来源) and the site name.
 *
 * <p>It never keeps markup in the text, and never drops a line of the article body because it merely
 * contains a boilerplate word: line rules only remove short lines that are boilerplate as a whole.
 * Its quality is measured on the fixture set under {@code src/test/resources/web-extraction}
 * ({@code WebExtractionEvaluation}); a change that lowers the figures fails the build.
 */
public final class HtmlExtractor implements Extractor {
    private static final int SNIFF = 4096;
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING =
            Pattern.compile("<\\?xml[^>]+encoding\\s*=\\s*[\"']([A-Za-z0-9_.\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TYPE_CHARSET =
            Pattern.compile(";\\s*charset\\s*=\\s*[\"']?([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);

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

    /** Lines after the title that may hold the date and source ("2024年05月14日 来源：…"). */
    private static final int INFO_LINES = 6;

    private static final Pattern WHITESPACE = Pattern.compile("[\\r\\n\\t ]+");
    private static final Pattern NOT_A_NAME = Pattern.compile("[，。；：、！？,;:!?“”\\d]|^[—─-]");
    private static final int INFO_LINE_MAX = 100;
    private static final int BYLINE_MAX = 24;
    private static final int TITLE_MAX = 200;

    /** Lines at the head of the article block that may still be byline, date or title. */
    private static final int HEAD_LINES = 4;

    /** A line of text and how many of its characters are link text. */
    record Line(String text, int linkChars) {
        boolean mostlyLinks() {
            return linkChars * 10 >= text.length() * 6;
        }
    }

    @Override
    public Extraction extract(ExtractInput input) throws ExtractionException {
        byte[] bytes = input.bytes();
        if (bytes.length == 0) {
            throw new ExtractionException("empty file (0 bytes)");
        }
        if (PlainTextExtractor.looksBinary(bytes)) {
            throw new ExtractionException("not an HTML file: binary content");
        }
        Charset inPage = declaredCharset(bytes);
        Charset byCarrier = input.declaredType().map(HtmlExtractor::typeCharset).orElse(null);
        Charset declared = byCarrier != null ? byCarrier : inPage;
        Charset charset = CharsetGuesser.guess(bytes, declared);
        String url = input.source() == null ? null : input.source().url();
        Document doc = Jsoup.parse(CharsetGuesser.decode(bytes, charset), url == null ? "" : url);

        Map<Metadata, String> metadata = LabelledLines.newMetadata();
        if (declared != null) {
            metadata.put(Metadata.DECLARED_CHARSET, declared.name());
        }
        readMetaTags(doc, metadata);
        PageTitle.Parts title = PageTitle.of(doc);
        title.siteName().ifPresent(s -> metadata.putIfAbsent(Metadata.SITE_NAME, s));

        Element body = doc.body() == null ? doc : doc.body();
        List<String> page = texts(lines(List.of(body)));
        LabelledLines.read(page, metadata);
        readInfoLines(page, title.title(), metadata);

        MainContent.removeBoilerplate(body);
        List<Line> lines = lines(MainContent.find(body));
        List<String> kept = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Set<String> authors = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String text = line.text();
            boolean head = kept.isEmpty() && i < HEAD_LINES;
            Optional<List<String>> byline = WebPageLines.byline(text);
            if (!kept.isEmpty() && WebPageLines.isEndOfArticle(text)) {
                lines.subList(i, lines.size()).forEach(l -> removed.add(l.text()));
                break;
            } else if (head && isTitle(text, title.title())) {
                removed.add(text);
            } else if (byline.isPresent()) {
                authors.addAll(byline.get());
                removed.add(text);
            } else if (head
                    && isUnlabelledByline(
                            text, i + 1 < lines.size() ? lines.get(i + 1).text() : "")) {
                metadata.putIfAbsent(Metadata.AUTHOR, text);
                removed.add(text);
            } else if (head && PublicationDate.isDateLine(text)) {
                metadata.putIfAbsent(
                        Metadata.PUBLISHED, PublicationDate.inLine(text).orElseThrow());
                removed.add(text);
            } else if (WebPageLines.isBoilerplate(text)
                    || line.mostlyLinks() && text.length() <= INFO_LINE_MAX && text.indexOf('。') < 0) {
                removed.add(text);
            } else {
                kept.add(text);
            }
        }
        LabelledLines.read(removed, metadata);
        if (!authors.isEmpty()) {
            metadata.putIfAbsent(Metadata.AUTHOR, String.join("、", authors));
        }
        if (!metadata.containsKey(Metadata.PUBLISHED)) {
            PublicationDate.inUrl(url).ifPresent(d -> metadata.put(Metadata.PUBLISHED, d));
        }

        if (kept.isEmpty()) {
            throw new ExtractionException("empty: no text in the page");
        }
        String finalTitle = title.title().isBlank() ? kept.get(0) : title.title();
        if (finalTitle.length() > TITLE_MAX) {
            finalTitle = finalTitle.substring(0, TITLE_MAX);
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

    /** The charset parameter of a media type such as {@code text/html; charset=gbk}, or null. */
    static Charset typeCharset(String mediaType) {
        Matcher m = TYPE_CHARSET.matcher(mediaType);
        return m.find() ? CharsetGuesser.forName(m.group(1)) : null;
    }

    /**
     * A short line without punctuation right above the date or label line under the title: the
     * author or the issuing body ("县政协社会和法制委员会" above "日期：…"). Subtitles ("——记…") are not.
     */
    private static boolean isUnlabelledByline(String line, String next) {
        return line.length() <= BYLINE_MAX
                && !NOT_A_NAME.matcher(line).find()
                && (PublicationDate.isDateLine(next) || LabelledLines.isLabelLine(next));
    }

    private static boolean isTitle(String line, String title) {
        return !title.isEmpty() && (line.equals(title) || line.length() >= 4 && title.contains(line));
    }

    /**
     * The line under the title that states date, source or byline without labels
     * ("平顶山晚报 2023-05-20 18:02", "2023年11月07日 07:40 来源：周口日报", "本报记者 孔德明").
     */
    private static void readInfoLines(List<String> page, String title, Map<Metadata, String> metadata) {
        int start = title.isEmpty() ? -1 : page.indexOf(title);
        if (start < 0) {
            return;
        }
        Set<String> authors = new LinkedHashSet<>();
        for (int i = start + 1; i < Math.min(page.size(), start + 1 + INFO_LINES); i++) {
            String line = page.get(i);
            if (line.length() > INFO_LINE_MAX || line.indexOf('。') >= 0) {
                break;
            }
            WebPageLines.byline(line).ifPresent(authors::addAll);
            if (!metadata.containsKey(Metadata.PUBLISHED)) {
                PublicationDate.inLine(line).ifPresent(d -> metadata.put(Metadata.PUBLISHED, d));
            }
        }
        if (!authors.isEmpty()) {
            metadata.putIfAbsent(Metadata.AUTHOR, String.join("、", authors));
        }
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

    private static List<String> texts(List<Line> lines) {
        List<String> out = new ArrayList<>(lines.size());
        lines.forEach(l -> out.add(l.text()));
        return out;
    }

    /**
     * The clean lines of {@code roots}, in order: block elements and {@code <br>} break lines, table
     * cells are separated by a space; each line knows how much of it is link text.
     */
    static List<Line> lines(List<Element> roots) {
        List<Line> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int[] link = {0};
        int[] inLink = {0};
        Runnable flush = () -> {
            String text = TextLines.cleanLine(sb.toString());
            if (!text.isEmpty()) {
                out.add(new Line(text, Math.min(link[0], text.length())));
            }
            sb.setLength(0);
            link[0] = 0;
        };
        for (Element root : roots) {
            NodeTraversor.traverse(
                    new NodeVisitor() {
                        @Override
                        public void head(Node node, int depth) {
                            if (node instanceof TextNode t) {
                                String text =
                                        WHITESPACE.matcher(t.getWholeText()).replaceAll(" ");
                                sb.append(text);
                                if (inLink[0] > 0) {
                                    link[0] += text.strip().length();
                                }
                            } else if (node instanceof Element e) {
                                if (e.normalName().equals("br") || isBlock(e)) {
                                    flush.run();
                                } else if (e.normalName().equals("td")
                                        || e.normalName().equals("th")) {
                                    sb.append(' ');
                                } else if (e.normalName().equals("a")) {
                                    inLink[0]++;
                                }
                            }
                        }

                        @Override
                        public void tail(Node node, int depth) {
                            if (node instanceof Element e) {
                                if (isBlock(e)) {
                                    flush.run();
                                } else if (e.normalName().equals("a")) {
                                    inLink[0]--;
                                }
                            }
                        }
                    },
                    root);
            flush.run();
        }
        return out;
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
