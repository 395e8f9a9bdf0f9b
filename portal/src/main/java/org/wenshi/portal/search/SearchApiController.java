package org.wenshi.portal.search;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/search}: the contract's search API. Takes the raw parameter map so that
 * {@link SearchCriteria} alone decides what is valid (Spring's own conversion errors would bypass
 * the error shape); errors are rendered by {@link org.wenshi.portal.system.PortalErrorHandler}.
 */
@RestController
public class SearchApiController {
    private final SearchService searchService;

    public SearchApiController(SearchService searchService) {
        this.searchService = searchService;
    }

    @GetMapping("/api/search")
    public Mono<SearchResult> search(@RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> SearchCriteria.from(params)).flatMap(searchService::search);
    }
}
