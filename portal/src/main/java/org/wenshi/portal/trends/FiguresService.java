package org.wenshi.portal.trends;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.InnerHitsResult;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.wenshi.portal.search.Facet;
import org.wenshi.portal.search.SearchCriteria;
import org.wenshi.portal.search.SearchQueryBuilder;
import org.wenshi.portal.system.ElasticsearchAccess;
import org.wenshi.schema.Fields;
import reactor.core.publisher.Mono;

/**
 * The key figures of {@code /api/figures}, in one request: the documents under the place filters
 * that report the metric (any of its {@link MetricNames#variants}), each with its matching figures as
 * nested inner hits, and, over all those documents whatever the metric, the metrics present (a
 * {@code global} aggregation, so the list does not depend on the metric chosen).
 *
 * <p>A place's figure for a year is the value most of its documents report (a work report and the
 * news of it give the same count); when they disagree the point says so ({@code other_values}) and
 * links the newest document giving the chosen value.
 */
@Service
public class FiguresService {
    static final String FIGURES = "figures";
    static final String METRICS = "metrics";
    static final String IN_SCOPE = "in_scope";
    static final String NESTED = "nested";
    /** Documents read per answer: far more than any place's work reports over the years. */
    static final int MAX_DOCUMENTS = 2000;

    static final int FIGURES_PER_DOCUMENT = 100;
    static final int METRICS_LISTED = 500;
    static final List<String> DOCUMENT_FIELDS =
            List.of(Fields.ID, Fields.TITLE, Fields.DATE, Fields.YEAR, Fields.PROVINCE, Fields.CITY, Fields.COUNTY);

    private final ElasticsearchAccess elasticsearch;
    private final SearchQueryBuilder search;

    public FiguresService(ElasticsearchAccess elasticsearch, SearchQueryBuilder search) {
        this.elasticsearch = elasticsearch;
        this.search = search;
    }

    public Mono<FigureResult> figures(FigureCriteria criteria) {
        return Mono.defer(() -> {
            SearchRequest request = build(criteria, elasticsearch.names().alias());
            return elasticsearch
                    .execute("figures", c -> c.search(request, DocumentSource.class))
                    .map(response -> read(criteria, response));
        });
    }

    SearchRequest build(FigureCriteria criteria, String index) {
        // The year range is the figures' year, applied to them below, not the documents' year.
        SearchCriteria documents = criteria.filters().without(Facet.YEAR);
        Query scope = Query.of(
                q -> q.bool(b -> b.filter(search.allFilters(documents, null)).mustNot(SearchQueryBuilder.REPRINT)));
        Aggregation metrics = Aggregation.of(a -> a.global(g -> g).aggregations(IN_SCOPE, in -> in.filter(scope)
                .aggregations(
                        NESTED, n -> n.nested(nn -> nn.path(Fields.KEY_FIGURES)).aggregations(METRICS, t -> t.terms(
                                        tt -> tt.field(Fields.KEY_FIGURE_METRIC).size(METRICS_LISTED))
                                .aggregations("documents", r -> r.reverseNested(rn -> rn))))));
        if (criteria.metric() == null) {
            return SearchRequest.of(s -> s.index(index).size(0).query(scope).aggregations(METRICS, metrics));
        }
        List<FieldValue> names = criteria.names().stream().map(FieldValue::of).toList();
        Query figures = Query.of(q -> q.nested(n -> n.path(Fields.KEY_FIGURES)
                .query(inner ->
                        inner.terms(t -> t.field(Fields.KEY_FIGURE_METRIC).terms(v -> v.value(names))))
                .innerHits(ih -> ih.name(FIGURES).size(FIGURES_PER_DOCUMENT))));
        return SearchRequest.of(s -> s.index(index)
                .size(MAX_DOCUMENTS)
                .query(q -> q.bool(b -> b.filter(scope).filter(figures)))
                .source(src -> src.filter(f -> f.includes(DOCUMENT_FIELDS)))
                .sort(o -> o.field(f -> f.field(Fields.DATE)
                        .order(co.elastic.clients.elasticsearch._types.SortOrder.Desc)
                        .missing("_last")))
                .sort(o ->
                        o.field(f -> f.field(Fields.ID).order(co.elastic.clients.elasticsearch._types.SortOrder.Asc)))
                .aggregations(METRICS, metrics));
    }

    /** The fields of a document that a figure links to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DocumentSource(
            String id, String title, String date, Integer year, String province, String city, String county) {
        String place() {
            return county != null ? county : city != null ? city : province;
        }
    }

    /** One figure as indexed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FigureSource(
            String metric,
            Double value,
            String unit,
            Boolean approximate,
            Integer year,
            String place,
            String sentence) {}

    private record Reported(FigureSource figure, DocumentSource document) {}

    static FigureResult read(FigureCriteria criteria, SearchResponse<DocumentSource> response) {
        List<FigureResult.MetricCount> counts = metricCounts(response);
        List<String> metrics =
                counts.stream().map(FigureResult.MetricCount::metric).toList();
        if (criteria.metric() == null) {
            return new FigureResult(null, List.of(), List.of(), metrics, counts, 0);
        }
        // place → year → what each document reports (one figure per document, place and year)
        Map<String, TreeMap<Integer, List<Reported>>> byPlace = new LinkedHashMap<>();
        long undated = 0;
        for (Hit<DocumentSource> hit : response.hits().hits()) {
            DocumentSource doc = hit.source();
            InnerHitsResult inner = hit.innerHits().get(FIGURES);
            if (doc == null || inner == null) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (Hit<JsonData> figureHit : inner.hits().hits()) {
                FigureSource f = figureHit.source().to(FigureSource.class);
                if (f.value() == null) {
                    continue;
                }
                if (f.year() == null) {
                    undated++;
                    continue;
                }
                if (!criteria.inYears(f.year())) {
                    continue;
                }
                String place = f.place() != null ? f.place() : doc.place();
                if (place == null || !seen.add(place + "\u0000" + f.year())) {
                    continue;
                }
                byPlace.computeIfAbsent(place, p -> new TreeMap<>())
                        .computeIfAbsent(f.year(), y -> new ArrayList<>())
                        .add(new Reported(f, doc));
            }
        }
        List<FigureResult.Series> series = new ArrayList<>();
        byPlace.forEach((place, years) -> {
            List<FigureResult.Point> points = new ArrayList<>();
            years.forEach((year, reported) -> points.add(point(year, reported)));
            series.add(new FigureResult.Series(place, points));
        });
        series.sort(
                Comparator.comparingInt((FigureResult.Series s) -> -s.points().size())
                        .thenComparing(FigureResult.Series::place));
        return new FigureResult(criteria.metric(), List.copyOf(criteria.names()), series, metrics, counts, undated);
    }

    /** The value most documents give (the newest document first among equals), and the others. */
    private static FigureResult.Point point(int year, List<Reported> reported) {
        Map<Double, Integer> votes = new LinkedHashMap<>();
        for (Reported r : reported) {
            votes.merge(r.figure().value(), 1, Integer::sum);
        }
        double chosen = votes.entrySet().stream()
                .max(Comparator.comparingInt(Map.Entry<Double, Integer>::getValue))
                .orElseThrow()
                .getKey();
        // documents come newest first, and max keeps the first of equal counts
        Reported first = reported.stream()
                .filter(r -> r.figure().value() == chosen)
                .findFirst()
                .orElseThrow();
        List<Double> others = votes.keySet().stream().filter(v -> v != chosen).toList();
        FigureSource f = first.figure();
        return new FigureResult.Point(
                year,
                chosen,
                f.unit(),
                Boolean.TRUE.equals(f.approximate()),
                f.metric(),
                first.document().id(),
                first.document().title(),
                f.sentence(),
                reported.size(),
                others);
    }

    /** The metrics present, variants merged under the name most documents use, most documented first. */
    private static List<FigureResult.MetricCount> metricCounts(SearchResponse<DocumentSource> response) {
        var aggregate = response.aggregations().get(METRICS);
        if (aggregate == null) {
            return List.of();
        }
        List<StringTermsBucket> buckets = aggregate
                .global()
                .aggregations()
                .get(IN_SCOPE)
                .filter()
                .aggregations()
                .get(NESTED)
                .nested()
                .aggregations()
                .get(METRICS)
                .sterms()
                .buckets()
                .array();
        Map<String, String> label = new LinkedHashMap<>();
        Map<String, Long> documents = new LinkedHashMap<>();
        for (StringTermsBucket b : buckets) {
            String name = b.key().stringValue();
            long docs = b.aggregations().get("documents").reverseNested().docCount();
            String key = MetricNames.key(name);
            // buckets come most frequent first: the first name seen labels the merged metric
            label.putIfAbsent(key, name);
            documents.merge(key, docs, Long::sum);
        }
        return documents.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new FigureResult.MetricCount(label.get(e.getKey()), e.getValue()))
                .toList();
    }
}
