package org.wenshi.portal.trends;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/figures} and {@code GET /api/figures.csv}
 * ({@code metric,place,year,value,unit,approximate,documents,doc_id,title,sentence}).
 */
@RestController
public class FiguresApiController {
    private final FiguresService figures;

    public FiguresApiController(FiguresService figures) {
        this.figures = figures;
    }

    @GetMapping(value = "/api/figures", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<FigureResult> figures(@RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> FigureCriteria.from(params)).flatMap(figures::figures);
    }

    @GetMapping("/api/figures.csv")
    public Mono<ResponseEntity<String>> csv(@RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> FigureCriteria.from(params))
                .flatMap(figures::figures)
                .map(result -> csv(result).response("figures.csv"));
    }

    static Csv csv(FigureResult result) {
        Csv csv = new Csv();
        csv.row("metric", "place", "year", "value", "unit", "approximate", "documents", "doc_id", "title", "sentence");
        for (FigureResult.Series s : result.series()) {
            for (FigureResult.Point p : s.points()) {
                csv.row(
                        p.metric(),
                        s.place(),
                        p.year(),
                        p.value(),
                        p.unit(),
                        p.approximate() ? "true" : "false",
                        p.documents(),
                        p.docId(),
                        p.title(),
                        p.sentence());
            }
        }
        return csv;
    }
}
