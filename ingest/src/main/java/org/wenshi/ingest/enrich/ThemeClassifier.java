package org.wenshi.ingest.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A first multi-label theme classifier: keyword hits from the {@link ThemeTaxonomy}, weighted, a
 * title hit counting three times, each keyword counted at most a few times so one repeated word
 * cannot carry a theme; a keyword {@code @genre} adds its weight to documents of that genre (a memoir
 * leans to 人物回忆). A theme is assigned when its score reaches a floor and a share of the best
 * theme's score. It never assigns a theme the taxonomy does not list.
 */
public final class ThemeClassifier {
    private static final int TITLE_FACTOR = 3;
    private static final int MAX_HITS = 5;
    private static final double MIN_SCORE = 3;
    private static final double MIN_SHARE = 0.3;
    private static final int MAX_THEMES = 4;
    private static final int MAX_TEXT = 50_000;

    /** A keyword naming a genre instead of a word: {@code @回忆录*6}. */
    static final String GENRE = "@";

    private final ThemeTaxonomy taxonomy;

    public ThemeClassifier(ThemeTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** The themes and their scores. */
    public record Themes(List<String> themes, Map<String, Double> scores) {}

    /** Classifies simplified title and text. */
    public Themes classify(String title, String text) {
        return classify(title, text, null);
    }

    /**
     * Classifies simplified title and text of a document of genre {@code type} (or null): a taxonomy
     * keyword {@code @回忆录} adds its weight once to documents of that genre.
     */
    public Themes classify(String title, String text, String type) {
        String body = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String theme : taxonomy.themes()) {
            double score = 0;
            for (ThemeTaxonomy.Keyword k : taxonomy.keywords(theme)) {
                if (k.text().startsWith(GENRE)) {
                    if (k.text().substring(GENRE.length()).equals(type)) {
                        score += k.weight();
                    }
                    continue;
                }
                int hits = Math.min(MAX_HITS, count(body, k.text())) + TITLE_FACTOR * count(title, k.text());
                score += hits * k.weight();
            }
            if (score > 0) {
                scores.put(theme, score);
            }
        }
        double top =
                scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<String> themes = new ArrayList<>();
        scores.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_SCORE && e.getValue() >= top * MIN_SHARE)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(MAX_THEMES)
                .forEach(e -> themes.add(e.getKey()));
        return new Themes(themes, scores);
    }

    private static int count(String s, String word) {
        int n = 0;
        for (int i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + word.length())) {
            n++;
        }
        return n;
    }
}
