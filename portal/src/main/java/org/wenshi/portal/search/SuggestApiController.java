package org.wenshi.portal.search;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/suggest?q=PREFIX}: what the search box offers while the reader types. */
@RestController
public class SuggestApiController {
    private final SuggestService suggestService;

    public SuggestApiController(SuggestService suggestService) {
        this.suggestService = suggestService;
    }

    @GetMapping("/api/suggest")
    public Mono<SuggestService.Suggestions> suggest(@RequestParam(name = "q", required = false) String q) {
        return suggestService.suggest(q);
    }
}
