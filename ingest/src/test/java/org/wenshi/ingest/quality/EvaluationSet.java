package org.wenshi.ingest.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The project's labelled evaluation set ({@code src/test/resources/eval}: documents under
 * {@code docs/}, labels in {@code gold.tsv}, format in its README). Exists so the evaluation command
 * and the test that guards the targets read the same labels. Missing files are an error, never an
 * empty set.
 */
record EvaluationSet(Path docs, List<Gold> gold) {
    static final Path DEFAULT = Path.of("src/test/resources/eval");

    /** The set's folder from the module folder (tests) or the project root (the command). */
    static Path defaultDir() {
        Path inModule = DEFAULT;
        return Files.isDirectory(inModule) ? inModule : Path.of("ingest").resolve(DEFAULT);
    }

    private static final int COLUMNS = 11;

    /** One labelled document; {@code null} or empty where the label is {@code -}. */
    record Gold(
            String file,
            String province,
            String city,
            String county,
            Integer year,
            Set<Integer> covered,
            Set<String> themes,
            String type,
            String group,
            List<String[]> people,
            List<String[]> figures) {}

    /** The main set, which must hold at least 80 documents. */
    static EvaluationSet load(Path dir) {
        return load(dir, 80);
    }

    /** A set of at least {@code minimum} documents. */
    static EvaluationSet load(Path dir, int minimum) {
        Path tsv = dir.resolve("gold.tsv");
        Path docs = dir.resolve("docs");
        if (!Files.isRegularFile(tsv) || !Files.isDirectory(docs)) {
            throw new IllegalStateException("The enrichment evaluation set is missing: expected " + tsv.toAbsolutePath()
                    + " and " + docs.toAbsolutePath());
        }
        List<Gold> gold = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + tsv, e);
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length != COLUMNS) {
                throw new IllegalStateException(
                        tsv + ":" + (i + 1) + ": expected " + COLUMNS + " columns, got " + c.length);
            }
            if (!Files.isRegularFile(docs.resolve(c[0]))) {
                throw new IllegalStateException(tsv + ":" + (i + 1) + ": no document " + docs.resolve(c[0]));
            }
            gold.add(new Gold(
                    c[0],
                    value(c[1]),
                    value(c[2]),
                    value(c[3]),
                    value(c[4]) == null ? null : Integer.valueOf(c[4].substring(0, 4)),
                    years(c[5]),
                    list(c[6], ","),
                    value(c[7]),
                    value(c[8]),
                    pairs(c[9]),
                    pairs(c[10])));
        }
        if (gold.size() < minimum) {
            throw new IllegalStateException(
                    tsv + " labels " + gold.size() + " documents; the set must hold at least " + minimum);
        }
        return new EvaluationSet(docs, List.copyOf(gold));
    }

    private static String value(String s) {
        String v = s.strip();
        return v.isEmpty() || v.equals("-") ? null : v;
    }

    private static Set<String> list(String s, String separator) {
        Set<String> out = new LinkedHashSet<>();
        if (value(s) != null) {
            for (String part : s.split(separator)) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** {@code 2024}, {@code 1937-1945}, {@code 2019,2021}, {@code -} (unlabelled: null). */
    private static Set<Integer> years(String s) {
        if (value(s) == null) {
            return null;
        }
        Set<Integer> out = new LinkedHashSet<>();
        for (String part : s.split(",")) {
            String[] range = part.strip().split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            for (int y = from; y <= to; y++) {
                out.add(y);
            }
        }
        return out;
    }

    private static List<String[]> pairs(String s) {
        List<String[]> out = new ArrayList<>();
        for (String p : list(s, "\\|")) {
            out.add(p.split(":"));
        }
        return out;
    }
}
