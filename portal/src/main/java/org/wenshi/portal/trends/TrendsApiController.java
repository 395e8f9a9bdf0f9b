package org.wenshi.portal.trends;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/trends} and {@code GET /api/trends.csv}: the same view as JSON and as CSV
 * ({@code term,year|place,docs,total,per_1000}; {@code term,place,year,…} when split by year).
 * Errors are rendered by {@link org.wenshi.portal.system.PortalErrorHandler}.
 */
@RestController
public class TrendsApiController {
    private final TrendsService trends;

    public TrendsApiController(TrendsService trends) {
        this.trends = trends;
    }

    @GetMapping(value = "/api/trends", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<TrendResult> trends(@RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> TrendCriteria.from(params)).flatMap(trends::trends);
    }

    @GetMapping("/api/trends.csv")
    public Mono<ResponseEntity<String>> csv(@RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> TrendCriteria.from(params))
                .flatMap(trends::trends)
                .map(result -> csv(result).response("trends.csv"));
    }

    static Csv csv(TrendResult result) {
        Csv csv = new Csv();
        List<Object> header = new ArrayList<>(List.of("term"));
        boolean place = !"year".equals(result.by());
        boolean year = !place || result.split() != null;
        if (place) {
            header.add("place");
        }
        if (year) {
            header.add("year");
        }
        header.addAll(List.of("docs", "total", "per_1000"));
        boolean smoothed =
                result.series().stream().flatMap(s -> s.points().stream()).anyMatch(p -> p.smoothed() != null);
        if (smoothed) {
            header.add("smoothed_per_1000");
        }
        csv.row(header);
        for (TrendResult.Series s : result.series()) {
            for (TrendResult.Point p : s.points()) {
                List<Object> row = new ArrayList<>();
                row.add(s.term());
                if (place) {
                    row.add(p.place());
                }
                if (year) {
                    row.add(p.year());
                }
                row.add(p.docs());
                row.add(p.total());
                row.add(p.per1000());
                if (smoothed) {
                    row.add(p.smoothed());
                }
                csv.row(row);
            }
        }
        return csv;
    }
}
