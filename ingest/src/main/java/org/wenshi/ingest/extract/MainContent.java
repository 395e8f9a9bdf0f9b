package org.wenshi.ingest.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the block of a page that holds the article: first the elements that are boilerplate by
 * their tag or their class and id (navigation, breadcrumbs, share bars, comment areas, footers) are
 * removed, then every run of non-link text counts for its nearest block container and half for that
 * container's parent (Readability's idea, much simplified); the best container wins, together with
 * those of its siblings that hold text of their own (an article split into a lead and a body).
 *
 * <p>It never removes an element that holds most of the page's text because of its class name, and
 * it never decides about single lines (that is {@link WebPageLines}).
 */
final class MainContent {
    private static final String REMOVED_TAGS = "script, style, noscript, iframe, form, nav, header, footer, aside,"
            + " select, button, input, textarea, svg, template, object, embed, map, video, audio, canvas";
    private static final Pattern BOILERPLATE_CLASS = Pattern.compile(
            "(?i)(^|[\\s_-])(nav|navbar|navigation|menu|menus|breadcrumbs?|crumbs?|bread|location|dqwz|footer|foot|"
                    + "copyright|share|sharebar|bdshare|bdsharebuttonbox|sidebar|side|related|relate|relnews|comments?|cmt|"
                    + "pinglun|reply|replies|pager|pagination|prevnext|pre-?next|page-?turn|sxp|toolbar|tools|banner|advert|"
                    + "ads?|friendlinks?|links|login|search|header|topbar|top-bar|bottom|recommend|rec|hot|hotwords|hotnews|"
                    + "rank|ranking|tags|keywords|disclaimer|statement|qrcode|print|app-banner|m-rec|m-comments|m-like)"
                    + "([\\s_-]|$)");
    private static final double SIBLING_SHARE = 0.2;
    private static final double SIBLING_LINK_DENSITY = 0.25;

    private MainContent() {}

    /** Removes boilerplate elements from {@code body} (in place). */
    static void removeBoilerplate(Element body) {
        body.select(REMOVED_TAGS).remove();
        int total = body.text().length();
        for (Element e : body.getAllElements()) {
            if (e != body
                    && e.parent() != null
                    && isBoilerplateContainer(e)
                    && e.text().length() * 2 < total) {
                e.remove();
            }
        }
    }

    static boolean isBoilerplateContainer(Element e) {
        String idAndClass = e.id() + " " + e.className();
        if (idAndClass.isBlank()) {
            return false;
        }
        return BOILERPLATE_CLASS
                .matcher(idAndClass.replaceAll("([a-z])([A-Z])", "$1 $2"))
                .find();
    }

    /** The article's blocks in document order: the best container and its text-holding siblings. */
    static List<Element> find(Element body) {
        Map<Element, Double> score = new IdentityHashMap<>();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (!(node instanceof TextNode t)) {
                            return;
                        }
                        double weight = weight(t);
                        if (weight == 0) {
                            return;
                        }
                        Element container = container(t.parent());
                        if (container == null) {
                            return;
                        }
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
        List<Element> blocks = new ArrayList<>();
        Element parent = best.parent();
        if (best == body || parent == null) {
            blocks.add(best);
            return blocks;
        }
        double own = subtreeScore(best);
        for (Element sibling : parent.children()) {
            if (sibling == best) {
                blocks.add(best);
            } else if (subtreeScore(sibling) >= Math.max(30, own * SIBLING_SHARE)
                    && linkDensity(sibling) < SIBLING_LINK_DENSITY) {
                blocks.add(sibling);
            }
        }
        return blocks;
    }

    /** What a text node counts for: its length with punctuation weighed thrice; 0 for short or link text. */
    private static double weight(TextNode t) {
        String text = t.text().strip();
        if (text.length() < 10 || insideLink(t)) {
            return 0;
        }
        return text.length() + countPunctuation(text) * 3;
    }

    private static double subtreeScore(Element e) {
        double[] sum = {0};
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            sum[0] += weight(t);
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {}
                },
                e);
        return sum[0];
    }

    private static double linkDensity(Element e) {
        int all = e.text().length();
        if (all == 0) {
            return 1;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return (double) links / all;
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

    static boolean insideLink(Node node) {
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
                        case "div", "article", "section", "td", "main", "body", "blockquote", "li", "dd", "center" ->
                            true;
                        default -> false;
                    }) {
                return e;
            }
        }
        return null;
    }
}
