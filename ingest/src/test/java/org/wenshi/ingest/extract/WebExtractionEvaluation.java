package org.wenshi.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.wenshi.ingest.enrich.DateEnricher;
import org.wenshi.ingest.source.Source;

/**
 * Measures {@link HtmlExtractor} on the web fixture set under {@code src/test/resources/web-extraction}:
 * 32 invented pages of varied layouts and encodings, each {@code NAME.html} with its gold
 * {@code NAME.gold.txt} (header lines {@code title:}, {@code url:}, {@code published:},
 * {@code charset:}, {@code author:}, {@code source:}, then {@code ---}, then the gold main text).
 *
 * <p>Scores are character-level over <b>non-whitespace characters</b>:
 *
 * <ul>
 *   <li><b>bag</b>: extracted and gold text as multisets of characters; overlap = Σ min(count in
 *       extracted, count in gold); precision = overlap / extracted characters, recall = overlap / gold
 *       characters, F1 their harmonic mean (the acceptance figure: mean of per-page F1 ≥ 0.92);
 *   <li><b>seq</b>: the same with overlap = length of the longest common subsequence, which also
 *       punishes text in the wrong order.
 * </ul>
 *
 * <p>The title must equal the gold title; the date is the publication date the enricher reads from the
 * extraction's {@code PUBLISHED} metadata (or its text); the author check wants every name of the
 * gold byline inside the {@code AUTHOR} metadata and none of them in the text.
 *
 * <p>Command (prints a table, one line per page, then the means): {@code mvn -q -pl ingest
 * test-compile exec:java@web-extraction}. {@code WebExtractionEvaluationTest} runs it and asserts the
 * targets, so an extractor change that lowers them fails the build.
 */
public final class WebExtractionEvaluation {
    static final String FOLDER = "/web-extraction/";

    /** One page's gold. */
    record Gold(String name, Map<String, String> header, String text) {
        String get(String key) {
            return header.getOrDefault(key, "");
        }
    }

    /** One page's scores. */
    record PageScore(
            String name,
            boolean heldOut,
            double precision,
            double recall,
            double f1,
            double seqF1,
            boolean titleOk,
            boolean dateOk,
            boolean charsetOk,
            boolean authorOk,
            String note) {}

    /** All pages' scores and their means. */
    record Result(List<PageScore> pages) {
        Result development() {
            return new Result(pages.stream().filter(p -> !p.heldOut()).toList());
        }

        Result heldOut() {
            return new Result(pages.stream().filter(PageScore::heldOut).toList());
        }

        double meanF1() {
            return pages.stream().mapToDouble(PageScore::f1).average().orElse(0);
        }

        double meanSeqF1() {
            return pages.stream().mapToDouble(PageScore::seqF1).average().orElse(0);
        }

        double meanPrecision() {
            return pages.stream().mapToDouble(PageScore::precision).average().orElse(0);
        }

        double meanRecall() {
            return pages.stream().mapToDouble(PageScore::recall).average().orElse(0);
        }

        long count(java.util.function.Predicate<PageScore> p) {
            return pages.stream().filter(p).count();
        }
    }

    private WebExtractionEvaluation() {}

    public static void main(String[] args) {
        Result r = run();
        System.out.println(table(r));
    }

    /** The pages of the set (from its index file), development pages first, then the held-out ones. */
    static Map<String, Boolean> names() {
        String index = resource("index.txt");
        Map<String, Boolean> names = new LinkedHashMap<>();
        boolean heldOut = false;
        for (String line : index.split("\n")) {
            if (line.strip().equals("[held-out]")) {
                heldOut = true;
            } else if (!line.isBlank() && !line.startsWith("#")) {
                names.put(line.strip(), heldOut);
            }
        }
        return names;
    }

    static Result run() {
        HtmlExtractor extractor = new HtmlExtractor();
        DateEnricher dates = new DateEnricher();
        List<PageScore> scores = new ArrayList<>();
        for (Map.Entry<String, Boolean> page : names().entrySet()) {
            String name = page.getKey();
            boolean heldOut = page.getValue();
            Gold gold = gold(name);
            byte[] html = bytes(name + ".html");
            Optional<String> httpType = Optional.ofNullable(gold.header().get("http-content-type"));
            Source source = Source.ofWeb(gold.get("url"), "text/html", Source.Kind.WEB);
            Extraction e;
            try {
                e = extractor.extract(new ExtractInput(html, source, httpType));
            } catch (ExtractionException ex) {
                scores.add(new PageScore(
                        name, heldOut, 0, 0, 0, 0, false, false, false, false, "failed: " + ex.getMessage()));
                continue;
            }
            String got = compact(e.text());
            String want = compact(gold.text());
            int gotLength = got.codePointCount(0, got.length());
            int wantLength = want.codePointCount(0, want.length());
            double[] bag = prf(bagOverlap(got, want), gotLength, wantLength);
            double[] seq = prf(lcs(got, want), gotLength, wantLength);
            String date = dates.date(e.get(Metadata.PUBLISHED).orElse(null), ChineseScript.toSimplified(e.text()))
                    .date();
            boolean titleOk = e.title().equals(gold.get("title"));
            boolean dateOk = gold.get("published").equals(date);
            boolean charsetOk = e.charset().name().equals(gold.get("charset"));
            boolean authorOk = authorOk(gold.get("author"), e);
            List<String> notes = new ArrayList<>();
            if (!titleOk) {
                notes.add("title=" + e.title());
            }
            if (!dateOk) {
                notes.add("date=" + date + " (published="
                        + e.get(Metadata.PUBLISHED).orElse("-") + ")");
            }
            if (!charsetOk) {
                notes.add("charset=" + e.charset());
            }
            if (!authorOk) {
                notes.add("author=" + e.get(Metadata.AUTHOR).orElse("-"));
            }
            scores.add(new PageScore(
                    name,
                    heldOut,
                    bag[0],
                    bag[1],
                    bag[2],
                    seq[2],
                    titleOk,
                    dateOk,
                    charsetOk,
                    authorOk,
                    String.join("; ", notes)));
        }
        return new Result(scores);
    }

    static String table(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Web page extraction: ")
                .append(r.pages().size())
                .append(" pages of src/test/resources/web-extraction; character-level scores over non-whitespace"
                        + " characters (bag = multiset overlap, seq = longest common subsequence); target: mean bag F1 >= 0.92;"
                        + " * = held-out page\n");
        sb.append(String.format(
                Locale.ROOT,
                "%-44s %6s %6s %6s %6s  %-5s %-4s %-7s %-6s %s%n",
                "page",
                "P",
                "R",
                "F1",
                "seqF1",
                "title",
                "date",
                "charset",
                "author",
                "notes"));
        for (PageScore p : r.pages()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-44s %6.3f %6.3f %6.3f %6.3f  %-5s %-4s %-7s %-6s %s%n",
                    (p.heldOut() ? "*" : " ") + p.name(),
                    p.precision(),
                    p.recall(),
                    p.f1(),
                    p.seqF1(),
                    ok(p.titleOk()),
                    ok(p.dateOk()),
                    ok(p.charsetOk()),
                    ok(p.authorOk()),
                    p.note()));
        }
        sb.append(summary("all", r)).append('\n');
        sb.append(summary("development", r.development())).append('\n');
        sb.append(summary("held-out", r.heldOut()));
        return sb.toString();
    }

    static String summary(String label, Result r) {
        int n = r.pages().size();
        return String.format(
                Locale.ROOT,
                "%-12s %2d pages: mean P=%.3f R=%.3f F1=%.3f seqF1=%.3f; min F1=%.3f; titles %d/%d, dates %d/%d,"
                        + " charsets %d/%d, authors %d/%d",
                label,
                n,
                r.meanPrecision(),
                r.meanRecall(),
                r.meanF1(),
                r.meanSeqF1(),
                r.pages().stream().mapToDouble(PageScore::f1).min().orElse(0),
                r.count(PageScore::titleOk),
                n,
                r.count(PageScore::dateOk),
                n,
                r.count(PageScore::charsetOk),
                n,
                r.count(PageScore::authorOk),
                n);
    }

    private static String ok(boolean b) {
        return b ? "ok" : "NO";
    }

    /** The gold byline's names (roles such as 本报记者, 通讯员, 口述 dropped) all in AUTHOR, none in the text. */
    private static boolean authorOk(String goldAuthor, Extraction e) {
        if (goldAuthor.isBlank()) {
            return true;
        }
        String author = e.get(Metadata.AUTHOR).orElse("");
        for (String token : goldAuthor.split("\\s+")) {
            String name = token.replaceAll("^(本报记者|记者|記者|通讯员|通訊員|作者|口述|整理|文)[:：/]?", "");
            if (name.length() < 2) {
                continue;
            }
            if (!author.contains(name) || e.lines().contains(goldAuthor)) {
                return false;
            }
        }
        return true;
    }

    static Gold gold(String name) {
        String all = resource(name + ".gold.txt");
        int sep = all.indexOf("\n---\n");
        if (sep < 0) {
            throw new IllegalStateException(name + ".gold.txt has no '---' line between header and text");
        }
        Map<String, String> header = new LinkedHashMap<>();
        for (String line : all.substring(0, sep).split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                header.put(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 2).strip());
            }
        }
        return new Gold(name, header, all.substring(sep + 5));
    }

    /** The text without any whitespace. */
    static String compact(String s) {
        return s.replaceAll("[\\s\\u3000\\u00A0]+", "");
    }

    static int bagOverlap(String a, String b) {
        Map<Integer, Integer> counts = new HashMap<>();
        a.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        int overlap = 0;
        for (int c : b.codePoints().toArray()) {
            Integer n = counts.get(c);
            if (n != null && n > 0) {
                counts.put(c, n - 1);
                overlap++;
            }
        }
        return overlap;
    }

    static int lcs(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] prev = new int[y.length + 1];
        int[] cur = new int[y.length + 1];
        for (int i = 1; i <= x.length; i++) {
            for (int j = 1; j <= y.length; j++) {
                cur[j] = x[i - 1] == y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length];
    }

    /** Precision, recall and F1 for an overlap; lengths in characters (code points). */
    static double[] prf(int overlap, int gotLength, int wantLength) {
        double p = gotLength == 0 ? 0 : (double) overlap / gotLength;
        double r = wantLength == 0 ? 0 : (double) overlap / wantLength;
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new double[] {p, r, f};
    }

    private static String resource(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = WebExtractionEvaluation.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing web fixture " + FOLDER + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
