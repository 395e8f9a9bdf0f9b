package org.wenshi.ingest.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.wenshi.ingest.enrich.Division;
import org.wenshi.ingest.enrich.Enrichment;
import org.wenshi.ingest.enrich.KeyFigure;
import org.wenshi.ingest.extract.LabelledLines;
import org.wenshi.ingest.quality.EnrichmentEvaluation.Enriched;

/**
 * The expectations the project states for the five real seed documents in {@code ../shared/seeds}
 * (read in place, never copied into the repository). Each check says what it expected and what it
 * found.
 *
 * @param seed the seed's number (000 … 004)
 * @param problems what did not match; empty when it passed
 */
record SeedCheck(String seed, List<String> problems) {
    /** The system property naming the seeds folder explicitly. */
    static final String PROPERTY = "wenshi.seeds";

    boolean passed() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        return seed + " " + (passed() ? "PASS" : "FAIL: " + String.join("; ", problems));
    }

    /**
     * The seeds folder: {@code -Dwenshi.seeds}, else {@code shared/seeds} beside the project root or
     * beside one of its ancestors (a worktree nested one level deeper finds the same folder).
     */
    static Optional<Path> findSeeds() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (!Files.isDirectory(p)) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + explicit + " is not a folder");
            }
            return Optional.of(p);
        }
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.isRegularFile(here.resolve("../pom.xml"))
                        && here.getFileName().toString().equals("ingest")
                ? here.getParent()
                : here;
        for (Path p = root.getParent(); p != null; p = p.getParent()) {
            Path seeds = p.resolve("shared/seeds");
            if (Files.isDirectory(seeds)) {
                return Optional.of(seeds.normalize());
            }
        }
        return Optional.empty();
    }

    static List<SeedCheck> run(Path dir, Function<Path, Enriched> enrich) {
        List<SeedCheck> out = new ArrayList<>();
        out.add(check(dir, "000", enrich, (x, p) -> {
            place(x.enrichment(), "河南省", "南阳市", null, p);
            equal("year", x.enrichment().dating().year(), 2025, p);
        }));
        out.add(check(dir, "001", enrich, (x, p) -> {
            place(x.enrichment(), "河南省", "许昌市", null, p);
            equal("date", x.enrichment().dating().date(), "2025-03-09", p);
            promotionRemoved(x, "金年会", p);
        }));
        out.add(check(dir, "002", enrich, (x, p) -> place(x.enrichment(), "河南省", "漯河市", null, p)));
        out.add(check(dir, "003", enrich, (x, p) -> {
            place(x.enrichment(), "河南省", "郑州市", null, p);
            if (!x.enrichment().dating().yearsCovered().equals(List.of(2023))) {
                p.add("years_covered " + x.enrichment().dating().yearsCovered() + ", expected [2023]");
            }
            figure(x.enrichment(), "提案立案", 656, "件", p);
            // what /api/figures shows: the figure is about 2023, at 郑州市
            figureAt(x.enrichment(), "提案立案", 656, 2023, "郑州市", p);
            figure(x.enrichment(), "社情民意信息", 3088, "篇", p);
        }));
        out.add(check(dir, "004", enrich, (x, p) -> {
            place(x.enrichment(), "四川省", "巴中市", "南江县", p);
            equal("date", x.enrichment().dating().date(), "2024-05-14", p);
            boolean author = x.enrichment().byline().authors().contains("吴开财")
                    || x.enrichment().people().stream().anyMatch(q -> q.name().equals("吴开财"));
            if (!author) {
                p.add("author 吴开财 not found (authors " + x.enrichment().byline().authors() + ")");
            }
        }));
        return out;
    }

    private interface Expectation {
        void check(Enriched enriched, List<String> problems);
    }

    private static SeedCheck check(Path dir, String seed, Function<Path, Enriched> enrich, Expectation e) {
        List<String> problems = new ArrayList<>();
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(f -> f.getFileName().toString().startsWith(seed + "_"))
                    .findFirst()
                    .orElse(null);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot list " + dir, ex);
        }
        if (file == null) {
            problems.add("no file " + seed + "_*.txt in " + dir);
            return new SeedCheck(seed, problems);
        }
        e.check(enrich.apply(file), problems);
        return new SeedCheck(seed, problems);
    }

    private static void place(Enrichment e, String province, String city, String county, List<String> p) {
        equal("province", name(e.place().province()), province, p);
        equal("city", name(e.place().city()), city, p);
        equal("county", name(e.place().county()), county, p);
    }

    private static String name(Division d) {
        return d == null ? null : d.name();
    }

    private static void equal(String what, Object found, Object expected, List<String> p) {
        if (found == null ? expected != null : !found.equals(expected)) {
            p.add(what + " " + found + ", expected " + expected);
        }
    }

    private static void figure(Enrichment e, String metric, double value, String unit, List<String> p) {
        for (KeyFigure f : e.keyFigures()) {
            if (f.metric().equals(metric) && f.value() == value && f.unit().equals(unit)) {
                return;
            }
        }
        p.add("key figure " + metric + " " + EnrichmentEvaluation.fmt(value) + unit + " not found");
    }

    private static void figureAt(Enrichment e, String metric, double value, int year, String place, List<String> p) {
        for (KeyFigure f : e.keyFigures()) {
            if (f.metric().equals(metric) && f.value() == value) {
                if (!Integer.valueOf(year).equals(f.year()) || !place.equals(f.place())) {
                    p.add("key figure " + metric + " " + EnrichmentEvaluation.fmt(value) + " is about " + f.year()
                            + " at " + f.place() + ", expected " + year + " at " + place);
                }
                return;
            }
        }
    }

    /** The injected name is gone from the title and from every line but the labelled 发布者 line. */
    private static void promotionRemoved(Enriched x, String name, List<String> p) {
        if (x.extraction().title().contains(name)) {
            p.add("title still carries " + name + ": " + x.extraction().title());
        }
        for (String line : x.extraction().lines()) {
            if (line.contains(name) && !LabelledLines.isLabelLine(line)) {
                p.add("line still carries " + name + ": "
                        + (line.length() > 30 ? "…" + line.substring(line.length() - 30) : line));
            }
        }
        if (x.extraction().removedLines().stream().noneMatch(l -> l.contains(name))) {
            p.add("no removed line reports " + name);
        }
    }
}
