package org.wenshi.portal.trends;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.wenshi.portal.search.Facet;
import org.wenshi.portal.search.SearchCriteria;

/**
 * The model of {@code /trends}: the form as the analyst filled it, the active view, the numbers as
 * tables (what the page shows without JavaScript, and the accessible version of every chart) and the
 * same numbers as JSON for the chart. Every link it makes (views, scale, a point's search, CSV,
 * permalink) keeps the other parameters.
 */
public final class TrendsPage {
    /** The four views of the page. */
    public enum View {
        TERMS,
        HEATMAP,
        THEMES,
        FIGURES;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static View of(String value) {
            for (View v : values()) {
                if (v.key().equals(value)) {
                    return v;
                }
            }
            return null;
        }
    }

    public static final String VIEW = "view";
    public static final String SCALE = "scale";
    public static final String RAW = "raw";
    /** Term inputs the form always offers. */
    static final int TERM_INPUTS = 3;

    private final MultiValueMap<String, String> params;
    private final View view;
    private final boolean raw;
    private TrendCriteria criteria;
    private TrendResult trends;
    private FigureResult figures;
    private String error;
    private String json = "null";
    private List<String> themeOptions = List.of();

    TrendsPage(MultiValueMap<String, String> params, View view, boolean raw) {
        this.params = new LinkedMultiValueMap<>(params);
        this.params.remove("lang");
        this.view = view;
        this.raw = raw;
    }

    TrendsPage withTrends(TrendCriteria criteria, TrendResult trends, String json) {
        this.criteria = criteria;
        this.trends = trends;
        this.json = json;
        return this;
    }

    TrendsPage withFigures(FigureResult figures, String json) {
        this.figures = figures;
        this.json = json;
        return this;
    }

    TrendsPage withError(String error) {
        this.error = error;
        return this;
    }

    TrendsPage withThemeOptions(List<String> themes) {
        this.themeOptions = List.copyOf(themes);
        return this;
    }

    public String view() {
        return view.key();
    }

    public boolean raw() {
        return raw;
    }

    public String error() {
        return error;
    }

    public TrendResult trends() {
        return trends;
    }

    public FigureResult figures() {
        return figures;
    }

    /** The numbers of the chart as JSON, safe inside a {@code <script>} element. */
    public String json() {
        return json;
    }

    public int sparseBelow() {
        return TrendResult.SPARSE_BELOW;
    }

    /** The terms as typed, padded with empty inputs up to {@link #TERM_INPUTS} (at most six). */
    public List<String> termInputs() {
        List<String> terms = new ArrayList<>(params.getOrDefault(TrendCriteria.TERM, List.of()));
        while (terms.size() < TERM_INPUTS) {
            terms.add("");
        }
        if (terms.size() < TrendCriteria.MAX_SERIES
                && !terms.get(terms.size() - 1).isBlank()) {
            terms.add("");
        }
        return terms.subList(0, Math.min(terms.size(), TrendCriteria.MAX_SERIES));
    }

    public String param(String name) {
        String v = params.getFirst(name);
        return v == null ? "" : v;
    }

    public List<String> params(String name) {
        return params.getOrDefault(name, List.of());
    }

    /** Themes to choose from in the theme view: those of the archive, the chosen ones first. */
    public List<String> themeOptions() {
        Set<String> all = new LinkedHashSet<>(params(Facet.THEME.key()));
        all.addAll(themeOptions);
        return List.copyOf(all);
    }

    public boolean themeChosen(String theme) {
        return params(Facet.THEME.key()).contains(theme);
    }

    /** {@code by} of the heatmap: {@code province} unless the cities were asked for. */
    public String heatmapBy() {
        return "city".equals(param(TrendCriteria.BY)) ? "city" : "province";
    }

    /** The link of another view, the terms and filters kept. */
    public String viewLink(String key) {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>(params);
        p.remove(VIEW);
        p.remove(TrendCriteria.BY);
        p.remove(TrendCriteria.SPLIT);
        if (!key.equals(View.TERMS.key())) {
            p.add(VIEW, key);
        }
        return link("/trends", p);
    }

    /** This view at another scale. */
    public String scaleLink(boolean raw) {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>(params);
        p.remove(SCALE);
        if (raw) {
            p.add(SCALE, RAW);
        }
        return link("/trends", p);
    }

    /** The link of this very view (the permalink). */
    public String permalink() {
        return link("/trends", params);
    }

    /** The CSV of this view's numbers. */
    public String csvLink() {
        if (view == View.FIGURES) {
            return figures == null || figures.metric() == null ? null : link("/api/figures.csv", figureParameters());
        }
        return criteria == null ? null : link("/api/trends.csv", criteria.toParameters());
    }

    /** The JSON of this view's numbers. */
    public String jsonLink() {
        if (view == View.FIGURES) {
            return figures == null || figures.metric() == null ? null : link("/api/figures", figureParameters());
        }
        return criteria == null ? null : link("/api/trends", criteria.toParameters());
    }

    private MultiValueMap<String, String> figureParameters() {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        p.add(FigureCriteria.METRIC, figures.metric());
        for (Facet f : List.of(Facet.PROVINCE, Facet.CITY, Facet.COUNTY)) {
            params(f.key()).forEach(v -> p.add(f.key(), v));
        }
        for (String name : List.of(SearchCriteria.YEAR_FROM, SearchCriteria.YEAR_TO)) {
            if (!param(name).isBlank()) {
                p.add(name, param(name));
            }
        }
        return p;
    }

    /** A link to the search behind one point: the term (or theme), the year, the place. */
    public String searchLink(TrendResult.Series series, TrendResult.Point point) {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        if (criteria != null) {
            criteria.filters().toParameters().forEach((name, values) -> p.put(name, new ArrayList<>(values)));
        }
        if ("theme".equals(series.kind())) {
            p.add(Facet.THEME.key(), series.term());
        } else {
            p.add(SearchCriteria.Q, series.term());
        }
        if (point.year() != null) {
            p.put(SearchCriteria.YEAR_FROM, List.of(point.year().toString()));
            p.put(SearchCriteria.YEAR_TO, List.of(point.year().toString()));
        }
        if (point.place() != null && trends != null) {
            p.put(trends.by(), List.of(point.place()));
        }
        return link("/search", p);
    }

    /** The years of the table, ascending, over all series. */
    public List<Integer> years() {
        Set<Integer> years = new java.util.TreeSet<>();
        if (trends != null) {
            trends.series().forEach(s -> s.points().forEach(p -> {
                if (p.year() != null) {
                    years.add(p.year());
                }
            }));
        }
        return List.copyOf(years);
    }

    /** The places of the heatmap, in the order of the answer (most documents first). */
    public List<String> places() {
        Set<String> places = new LinkedHashSet<>();
        if (trends != null && !trends.series().isEmpty()) {
            trends.series().get(0).points().forEach(p -> {
                if (p.place() != null) {
                    places.add(p.place());
                }
            });
        }
        return List.copyOf(places);
    }

    /** The point of a series for a year (and place), or {@code null}. */
    public TrendResult.Point point(TrendResult.Series series, Integer year, String place) {
        for (TrendResult.Point p : series.points()) {
            if (java.util.Objects.equals(p.year(), year) && java.util.Objects.equals(p.place(), place)) {
                return p;
            }
        }
        return null;
    }

    /** The heatmap's series: the first term. */
    public TrendResult.Series heatmapSeries() {
        return trends == null || trends.series().isEmpty()
                ? null
                : trends.series().get(0);
    }

    /** Rows of the key-figures table: each place's points, in order. */
    public List<Map.Entry<String, FigureResult.Point>> figureRows() {
        List<Map.Entry<String, FigureResult.Point>> rows = new ArrayList<>();
        if (figures != null) {
            for (FigureResult.Series s : figures.series()) {
                for (FigureResult.Point p : s.points()) {
                    rows.add(Map.entry(s.place(), p));
                }
            }
        }
        return rows;
    }

    public boolean hasData() {
        return view == View.FIGURES
                ? figures != null && !figures.series().isEmpty()
                : trends != null
                        && trends.series().stream().anyMatch(s -> !s.points().isEmpty());
    }

    /** What the chart shows, for its text alternative. */
    public String seriesNames() {
        if (trends == null) {
            return figures == null || figures.metric() == null ? "" : figures.metric();
        }
        return String.join(
                "、", trends.series().stream().map(TrendResult.Series::term).toList());
    }

    /** {@code path?name=value&…}, each name and value percent-encoded as UTF-8, empty values left out. */
    static String link(String path, MultiValueMap<String, String> params) {
        StringBuilder b = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            for (String v : e.getValue()) {
                if (v != null && !v.isBlank()) {
                    b.append(sep).append(encode(e.getKey())).append('=').append(encode(v));
                    sep = '&';
                }
            }
        }
        return b.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
