package org.wenshi.portal.trends;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.wenshi.portal.search.Facet;
import org.wenshi.portal.search.SearchCriteria;
import org.wenshi.portal.search.SearchService;
import org.wenshi.portal.system.ApiException;
import org.wenshi.portal.system.ElasticsearchUnavailableException;
import org.wenshi.portal.system.PortalMetrics;
import org.wenshi.portal.trends.TrendsPage.View;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /trends}: four views over the same form — terms per year (line chart), a year × place
 * heatmap of the first term, themes' shares per year, and key figures per place and year. The
 * numbers are rendered as tables on the server (the page works without JavaScript) and handed to
 * {@code trends.js} as JSON for the ECharts chart. A bad parameter renders the form with the message
 * under 400; an unavailable search engine under 503.
 */
@Controller
public class TrendsPageController {
    private static final String ENDPOINT = "/trends";
    private static final List<String> STYLESHEETS = List.of("/css/trends.css");
    /** The theme view's default: the archive's most frequent themes. */
    static final int DEFAULT_THEMES = 5;
    /** The key-figures view's default metric when the archive has it. */
    static final String DEFAULT_METRIC = "提案立案";

    private final TrendsService trends;
    private final FiguresService figures;
    private final SearchService search;
    private final PortalMetrics metrics;
    private final MessageSource messages;
    private final JsonMapper json;

    public TrendsPageController(
            TrendsService trends,
            FiguresService figures,
            SearchService search,
            PortalMetrics metrics,
            MessageSource messages,
            JsonMapper json) {
        this.trends = trends;
        this.figures = figures;
        this.search = search;
        this.metrics = metrics;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping(ENDPOINT)
    public Mono<Rendering> trends(@RequestParam MultiValueMap<String, String> params, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        View view = View.of(params.getFirst(TrendsPage.VIEW));
        if (view == null) {
            view = View.TERMS;
        }
        boolean raw = TrendsPage.RAW.equals(params.getFirst(TrendsPage.SCALE));
        TrendsPage page = new TrendsPage(params, view, raw);
        Mono<TrendsPage> filled;
        try {
            filled = switch (view) {
                case TERMS -> terms(page, params, locale, false);
                case HEATMAP -> terms(page, heatmapParameters(params), locale, true);
                case THEMES -> themes(page, params, locale);
                case FIGURES -> figures(page, params, locale);
            };
        } catch (ApiException e) {
            return Mono.just(failed(page, e));
        }
        return filled.map(p -> render(p, HttpStatus.OK))
                .onErrorResume(ApiException.class, e -> Mono.just(failed(page, e)))
                .onErrorResume(ElasticsearchUnavailableException.class, e -> {
                    metrics.countError(ENDPOINT, "search_unavailable");
                    return Mono.just(render(
                            page.withError(messages.getMessage("trends.unavailable", null, locale)),
                            HttpStatus.SERVICE_UNAVAILABLE));
                });
    }

    private Rendering failed(TrendsPage page, ApiException e) {
        metrics.countError(ENDPOINT, e.code());
        return render(page.withError(e.getMessage()), e.status());
    }

    private static Rendering render(TrendsPage page, HttpStatus status) {
        return Rendering.view("trends")
                .modelAttribute("page", page)
                .modelAttribute("stylesheets", STYLESHEETS)
                .status(status)
                .build();
    }

    /** The heatmap: the terms by province (or by city), split by year. */
    private static MultiValueMap<String, String> heatmapParameters(MultiValueMap<String, String> params) {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>(params);
        p.put(TrendCriteria.BY, List.of("city".equals(params.getFirst(TrendCriteria.BY)) ? "city" : "province"));
        p.put(TrendCriteria.SPLIT, List.of("year"));
        return p;
    }

    private Mono<TrendsPage> terms(
            TrendsPage page, MultiValueMap<String, String> params, Locale locale, boolean heatmap) {
        if (params.getOrDefault(TrendCriteria.TERM, List.of()).stream().allMatch(t -> t == null || t.isBlank())) {
            return Mono.just(page); // the empty form with examples
        }
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>(params);
        List<String> terms = nonBlank(params.get(TrendCriteria.TERM));
        p.put(TrendCriteria.TERM, heatmap ? terms.subList(0, 1) : terms);
        TrendCriteria criteria = TrendCriteria.from(p);
        return trends.trends(criteria)
                .map(result -> page.withTrends(criteria, result, chart(page, criteria, result, locale)));
    }

    private Mono<TrendsPage> themes(TrendsPage page, MultiValueMap<String, String> params, Locale locale) {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>(params);
        p.remove(TrendCriteria.TERM);
        p.remove(TrendCriteria.BY);
        p.remove(TrendCriteria.SPLIT);
        List<String> chosen = nonBlank(p.get(Facet.THEME.key()));
        // the themes to choose from are those of the documents under the other filters
        MultiValueMap<String, String> browse = new LinkedMultiValueMap<>(p);
        browse.remove(Facet.THEME.key());
        browse.remove(TrendsPage.VIEW);
        browse.remove(TrendsPage.SCALE);
        SearchCriteria all = SearchCriteria.from(browse);
        return search.search(new SearchCriteria("", null, List.of(), all.filters(), all.ranges(), null, 1, 1))
                .flatMap(result -> {
                    List<String> options = result.facets().getOrDefault(Facet.THEME.key(), List.of()).stream()
                            .map(v -> String.valueOf(v.value()))
                            .toList();
                    page.withThemeOptions(options);
                    List<String> themes =
                            chosen.isEmpty() ? options.subList(0, Math.min(DEFAULT_THEMES, options.size())) : chosen;
                    if (themes.isEmpty()) {
                        return Mono.just(page);
                    }
                    p.put(Facet.THEME.key(), themes);
                    TrendCriteria criteria = TrendCriteria.from(p);
                    return trends.trends(criteria)
                            .map(r -> page.withTrends(criteria, r, chart(page, criteria, r, locale)));
                });
    }

    private Mono<TrendsPage> figures(TrendsPage page, MultiValueMap<String, String> params, Locale locale) {
        FigureCriteria asked = FigureCriteria.from(params);
        Mono<FigureCriteria> criteria = asked.metric() != null
                ? Mono.just(asked)
                : figures.figures(asked).map(list -> {
                    MultiValueMap<String, String> p = new LinkedMultiValueMap<>(params);
                    String metric = list.metrics().contains(DEFAULT_METRIC)
                            ? DEFAULT_METRIC
                            : list.metrics().isEmpty() ? null : list.metrics().get(0);
                    if (metric != null) {
                        p.put(FigureCriteria.METRIC, List.of(metric));
                    }
                    return FigureCriteria.from(p);
                });
        return criteria.flatMap(
                c -> figures.figures(c).map(result -> page.withFigures(result, figureChart(page, result, locale))));
    }

    private static List<String> nonBlank(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** What trends.js draws: the series with a search link per point, and the labels it needs. */
    private String chart(TrendsPage page, TrendCriteria criteria, TrendResult result, Locale locale) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("view", page.view());
        chart.put("raw", page.raw());
        chart.put("by", result.by());
        chart.put("split", result.split() != null);
        chart.put("sparse_below", result.sparse());
        List<Map<String, Object>> series = new ArrayList<>();
        for (TrendResult.Series s : result.series()) {
            List<Map<String, Object>> points = new ArrayList<>();
            for (TrendResult.Point p : s.points()) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("year", p.year());
                point.put("place", p.place());
                point.put("docs", p.docs());
                point.put("total", p.total());
                point.put("per_1000", p.per1000());
                point.put("href", page.searchLink(s, p));
                points.add(point);
            }
            series.add(Map.of("name", s.term(), "kind", s.kind(), "points", points));
        }
        chart.put("series", series);
        chart.put("labels", labels(locale));
        return safe(json.writeValueAsString(chart));
    }

    private String figureChart(TrendsPage page, FigureResult result, Locale locale) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("view", page.view());
        chart.put("metric", result.metric());
        List<Map<String, Object>> series = new ArrayList<>();
        for (FigureResult.Series s : result.series()) {
            List<Map<String, Object>> points = new ArrayList<>();
            for (FigureResult.Point p : s.points()) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("year", p.year());
                point.put("value", p.value());
                point.put("unit", p.unit());
                point.put("docs", p.documents());
                point.put(
                        "href",
                        "/doc/" + java.net.URLEncoder.encode(p.docId(), java.nio.charset.StandardCharsets.UTF_8));
                point.put("title", p.title());
                points.add(point);
            }
            series.add(Map.of("name", s.place(), "points", points));
        }
        chart.put("series", series);
        chart.put("labels", labels(locale));
        return safe(json.writeValueAsString(chart));
    }

    private Map<String, String> labels(Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : List.of("docs", "total", "per1000", "sparse", "year", "place", "value", "documents", "png")) {
            labels.put(key, messages.getMessage("trends.chart." + key, null, locale));
        }
        return labels;
    }

    /** JSON that cannot end its {@code <script>} element early: {@code < > &} as Unicode escapes. */
    static String safe(String json) {
        return json.replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
    }
}
