package org.wenshi.ingest.quality;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.wenshi.ingest.dedup.ReprintLookup;
import org.wenshi.ingest.enrich.DocumentEnricher;
import org.wenshi.ingest.enrich.Enrichment;
import org.wenshi.ingest.enrich.Gazetteer;
import org.wenshi.ingest.enrich.KeyFigure;
import org.wenshi.ingest.enrich.Person;
import org.wenshi.ingest.enrich.ThemeTaxonomy;
import org.wenshi.ingest.extract.ChineseScript;
import org.wenshi.ingest.extract.Extraction;
import org.wenshi.ingest.extract.ExtractionException;
import org.wenshi.ingest.extract.Extractors;
import org.wenshi.ingest.index.ContentHash;
import org.wenshi.ingest.index.DocumentBuilder.Dedup;
import org.wenshi.ingest.source.Format;

/**
 * The enrichment quality command: runs the project's evaluation set through the same extractors,
 * enrichers and reprint grouping as ingest and prints precision and recall per field against the
 * labels, then checks the real seed documents when {@code ../shared/seeds} is present. Run it with
 * {@code mvn -q -pl ingest test-compile exec:java@enrichment-quality} ({@code -Dwenshi.quality.details}
 * also lists every miss). {@link EnrichmentQualityTest} asserts the same targets in the build.
 */
public final class EnrichmentEvaluation {
    static final double PLACE_TARGET = 0.95;
    static final double YEAR_TARGET = 0.95;
    static final double THEME_F1_TARGET = 0.80;
    static final double REPRINT_F1_TARGET = 0.95;

    private final Extractors extractors = new Extractors();
    private final DocumentEnricher enricher = new DocumentEnricher(Gazetteer.bundled(), ThemeTaxonomy.bundled());

    /** Counts for precision and recall. */
    static final class Score {
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** One single-valued prediction against its label (null: none). */
        void single(Object predicted, Object gold) {
            if (predicted != null && predicted.equals(gold)) {
                tp++;
            } else {
                if (predicted != null) {
                    fp++;
                }
                if (gold != null) {
                    fn++;
                }
            }
        }
    }

    /** The outcome of one evaluation run. */
    record Report(
            int documents,
            Map<String, Score> fields,
            int placeCorrect,
            int yearCorrect,
            int typeCorrect,
            List<String> misses,
            List<SeedCheck> seeds,
            Optional<Path> seedsDir) {
        double placeAccuracy() {
            return placeCorrect / (double) documents;
        }

        double yearAccuracy() {
            return yearCorrect / (double) documents;
        }

        double typeAccuracy() {
            return typeCorrect / (double) documents;
        }

        boolean targetsMet() {
            return placeAccuracy() >= PLACE_TARGET
                    && yearAccuracy() >= YEAR_TARGET
                    && fields.get("themes").f1() >= THEME_F1_TARGET
                    && fields.get("reprint pairs").f1() >= REPRINT_F1_TARGET
                    && seeds.stream().allMatch(SeedCheck::passed);
        }
    }

    /** One enriched document of the set. */
    record Enriched(Extraction extraction, Enrichment enrichment, String group) {}

    public static void main(String[] args) {
        boolean details = List.of(args).contains("--details") || Boolean.getBoolean("wenshi.quality.details");
        EnrichmentEvaluation evaluation = new EnrichmentEvaluation();
        Path dir = EvaluationSet.defaultDir();
        Report report = evaluation.run(EvaluationSet.load(dir), SeedCheck.findSeeds());
        print(report, System.out, details);
        Path holdout = dir.resolve("holdout");
        if (Files.isDirectory(holdout)) {
            Report held = evaluation.run(EvaluationSet.load(holdout, 10), Optional.empty());
            System.out.println();
            System.out.printf(
                    "Held-out set: %d documents (ingest/%s/holdout), written after the rules were fixed"
                            + " and never tuned on; reported, not a target%n",
                    held.documents(), EvaluationSet.DEFAULT);
            printFields(held, System.out, false);
            if (details) {
                System.out.println("misses:");
                held.misses().forEach(m -> System.out.println("  " + m));
            }
        }
        if (!report.targetsMet()) {
            throw new IllegalStateException("enrichment quality targets missed (see above)");
        }
    }

    Report run(EvaluationSet set, Optional<Path> seedsDir) {
        Map<String, Enriched> byFile = enrichAll(
                set.docs(), set.gold().stream().map(EvaluationSet.Gold::file).toList());
        Map<String, Score> fields = new LinkedHashMap<>();
        for (String f : List.of(
                "province",
                "city",
                "county",
                "year",
                "years_covered",
                "themes",
                "type",
                "people",
                "key figures",
                "reprint pairs")) {
            fields.put(f, new Score());
        }
        List<String> misses = new ArrayList<>();
        int placeCorrect = 0;
        int yearCorrect = 0;
        int typeCorrect = 0;
        for (EvaluationSet.Gold g : set.gold()) {
            Enrichment e = byFile.get(g.file()).enrichment();
            String province = name(e.place().province());
            String city = name(e.place().city());
            String county = name(e.place().county());
            fields.get("province").single(province, g.province());
            fields.get("city").single(city, g.city());
            fields.get("county").single(county, g.county());
            if (Objects.equals(province, g.province())
                    && Objects.equals(city, g.city())
                    && Objects.equals(county, g.county())) {
                placeCorrect++;
            } else {
                misses.add(g.file() + " place: " + province + "/" + city + "/" + county + " expected " + g.province()
                        + "/" + g.city() + "/" + g.county());
            }
            Integer year = e.dating().year();
            fields.get("year").single(year, g.year());
            if (Objects.equals(year, g.year())) {
                yearCorrect++;
            } else {
                misses.add(g.file() + " year: " + year + " expected " + g.year());
            }
            if (g.covered() != null) {
                Set<Integer> predicted = new HashSet<>(e.dating().yearsCovered());
                setScore(fields.get("years_covered"), predicted, g.covered(), g.file() + " years_covered", misses);
            }
            setScore(fields.get("themes"), new HashSet<>(e.themes()), g.themes(), g.file() + " themes", misses);
            fields.get("type").single(e.type(), g.type());
            if (Objects.equals(e.type(), g.type())) {
                typeCorrect++;
            } else {
                misses.add(g.file() + " type: " + e.type() + " expected " + g.type());
            }
            Set<String> names = new HashSet<>();
            for (Person p : e.people()) {
                names.add(p.name());
            }
            Set<String> goldNames = new HashSet<>();
            g.people().forEach(p -> goldNames.add(ChineseScript.toSimplified(p[0])));
            setScore(fields.get("people"), names, goldNames, g.file() + " people", misses);
            figures(fields.get("key figures"), e.keyFigures(), g.figures(), g.file(), misses);
        }
        reprintPairs(fields.get("reprint pairs"), set.gold(), byFile, misses);
        List<SeedCheck> seeds =
                seedsDir.map(dir -> SeedCheck.run(dir, this::enrichOne)).orElse(List.of());
        return new Report(set.gold().size(), fields, placeCorrect, yearCorrect, typeCorrect, misses, seeds, seedsDir);
    }

    /** Enriches the files in order and groups reprints the way ingest does (first version canonical). */
    Map<String, Enriched> enrichAll(Path dir, List<String> files) {
        ReprintLookup reprints = new ReprintLookup(bands -> List.of());
        Map<String, String> groupByHash = new HashMap<>();
        Map<String, Enriched> out = new LinkedHashMap<>();
        for (String file : files) {
            Enriched one = enrichOne(dir.resolve(file));
            String hash = ContentHash.of(one.extraction().text());
            String group = groupByHash.get(hash);
            if (group == null) {
                Dedup dedup = reprints.decide(file, hash, one.enrichment().fingerprint());
                group = dedup.canonical() ? hash : dedup.group();
                groupByHash.put(hash, group);
            }
            out.put(file, new Enriched(one.extraction(), one.enrichment(), group));
        }
        return out;
    }

    Enriched enrichOne(Path file) {
        String name = file.getFileName().toString();
        Format format = Format.forExtension(name.substring(name.lastIndexOf('.') + 1))
                .orElseThrow(() -> new IllegalStateException("Unsupported evaluation document " + file));
        try {
            Extraction extraction = extractors.forFormat(format).extract(Files.readAllBytes(file));
            return new Enriched(extraction, enricher.enrich(extraction), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (ExtractionException e) {
            throw new IllegalStateException("Cannot extract " + file + ": " + e.getMessage(), e);
        }
    }

    private static <T> void setScore(Score s, Set<T> predicted, Set<T> gold, String what, List<String> misses) {
        int tp = 0;
        for (T p : predicted) {
            if (gold.contains(p)) {
                tp++;
            }
        }
        s.tp += tp;
        s.fp += predicted.size() - tp;
        s.fn += gold.size() - tp;
        if (tp != predicted.size() || tp != gold.size()) {
            misses.add(what + ": " + new java.util.TreeSet<>(predicted) + " expected " + new java.util.TreeSet<>(gold));
        }
    }

    /** A figure matches a label with the same value and unit whose metric shares a two-character word. */
    private static void figures(
            Score s, List<KeyFigure> predicted, List<String[]> gold, String file, List<String> misses) {
        List<String[]> open = new ArrayList<>(gold);
        for (KeyFigure f : predicted) {
            String[] hit = null;
            for (String[] g : open) {
                if (Double.parseDouble(g[1]) == f.value() && g[2].equals(f.unit()) && sharesWord(g[0], f.metric())) {
                    hit = g;
                    break;
                }
            }
            if (hit != null) {
                open.remove(hit);
                s.tp++;
            } else {
                s.fp++;
                misses.add(file + " key figure not labelled: " + f.metric() + ":" + fmt(f.value()) + ":" + f.unit());
            }
        }
        s.fn += open.size();
        open.forEach(g -> misses.add(file + " key figure missed: " + String.join(":", g)));
    }

    private static boolean sharesWord(String a, String b) {
        if (a.contains(b) || b.contains(a)) {
            return true;
        }
        for (int i = 0; i + 2 <= a.length(); i++) {
            if (b.contains(a.substring(i, i + 2))) {
                return true;
            }
        }
        return false;
    }

    private static void reprintPairs(
            Score s, List<EvaluationSet.Gold> gold, Map<String, Enriched> byFile, List<String> misses) {
        for (int i = 0; i < gold.size(); i++) {
            for (int j = i + 1; j < gold.size(); j++) {
                EvaluationSet.Gold a = gold.get(i);
                EvaluationSet.Gold b = gold.get(j);
                boolean expected = a.group() != null && a.group().equals(b.group());
                boolean found =
                        byFile.get(a.file()).group().equals(byFile.get(b.file()).group());
                if (expected && found) {
                    s.tp++;
                } else if (found) {
                    s.fp++;
                    misses.add("reprint pair not labelled: " + a.file() + " ~ " + b.file());
                } else if (expected) {
                    s.fn++;
                    misses.add("reprint pair missed: " + a.file() + " ~ " + b.file());
                }
            }
        }
    }

    private static String name(org.wenshi.ingest.enrich.Division d) {
        return d == null ? null : d.name();
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The per-field table and the accuracies, with the targets when {@code targets}. */
    static void printFields(Report r, PrintStream out, boolean targets) {
        out.printf("%-16s %9s %7s %6s   %s%n", "field", "precision", "recall", "F1", "tp/fp/fn");
        r.fields()
                .forEach((name, s) -> out.printf(
                        Locale.ROOT,
                        "%-16s %9.3f %7.3f %6.3f   %d/%d/%d%n",
                        name,
                        s.precision(),
                        s.recall(),
                        s.f1(),
                        s.tp,
                        s.fp,
                        s.fn));
        out.printf(
                "place correct (province, city and county all right): %d/%d = %s%s%n",
                r.placeCorrect(),
                r.documents(),
                pct(r.placeAccuracy()),
                targets ? " (target " + pct(PLACE_TARGET) + ")" : "");
        out.printf(
                "publication year correct: %d/%d = %s%s%n",
                r.yearCorrect(),
                r.documents(),
                pct(r.yearAccuracy()),
                targets ? " (target " + pct(YEAR_TARGET) + ")" : "");
        out.printf("type correct: %d/%d = %s%n", r.typeCorrect(), r.documents(), pct(r.typeAccuracy()));
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    static void print(Report r, PrintStream out, boolean details) {
        out.printf("Enrichment quality: %d labelled documents (ingest/%s)%n", r.documents(), EvaluationSet.DEFAULT);
        printFields(r, out, true);
        out.printf(
                Locale.ROOT,
                "theme micro-F1 %.3f (target %.2f), reprint pair F1 %.3f (target %.2f)%n",
                r.fields().get("themes").f1(),
                THEME_F1_TARGET,
                r.fields().get("reprint pairs").f1(),
                REPRINT_F1_TARGET);
        if (r.seedsDir().isEmpty()) {
            out.println(
                    "seeds: no ../shared/seeds folder found next to the project (or -Dwenshi.seeds); evaluated the set only");
        } else {
            out.println("seeds: " + r.seedsDir().get());
            r.seeds().forEach(c -> out.println("  " + c));
        }
        out.println(r.targetsMet() ? "targets: met" : "targets: MISSED");
        if (details) {
            out.println("misses:");
            r.misses().forEach(m -> out.println("  " + m));
        }
    }
}
