package org.wenshi.portal.search;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.wenshi.portal.system.ApiException;
import org.wenshi.portal.system.ElasticsearchUnavailableException;
import org.wenshi.portal.system.PortalMetrics;
import reactor.core.publisher.Mono;

/**
 * The search home ({@code /}) and the results page ({@code /search}), server-rendered from the
 * same {@link SearchService} as the API. A bad parameter or an unavailable search engine still
 * renders the page, with the search form and a message, under status 400 or 503.
 */
@Controller
public class SearchPageController {
    private static final String ENDPOINT = "/search";

    private final SearchService searchService;
    private final PortalMetrics metrics;

    public SearchPageController(SearchService searchService, PortalMetrics metrics) {
        this.searchService = searchService;
        this.metrics = metrics;
    }

    @GetMapping("/")
    public Rendering home() {
        return Rendering.view("home").modelAttribute("stylesheets", STYLESHEETS).build();
    }

    @GetMapping(ENDPOINT)
    public Mono<Rendering> search(@RequestParam MultiValueMap<String, String> params) {
        SearchCriteria criteria;
        try {
            criteria = SearchCriteria.from(params);
        } catch (ApiException e) {
            metrics.countError(ENDPOINT, e.code());
            return Mono.just(page(SearchPage.failed(params, e.code(), e.getMessage()), e.status()));
        }
        return searchService
                .search(criteria)
                .map(result -> page(SearchPage.of(criteria, result), HttpStatus.OK))
                .onErrorResume(ElasticsearchUnavailableException.class, e -> {
                    metrics.countError(ENDPOINT, "search_unavailable");
                    return Mono.just(page(
                            SearchPage.failed(criteria, "search_unavailable", e.getMessage()),
                            HttpStatus.SERVICE_UNAVAILABLE));
                })
                .onErrorResume(ApiException.class, e -> {
                    metrics.countError(ENDPOINT, e.code());
                    return Mono.just(page(SearchPage.failed(criteria, e.code(), e.getMessage()), e.status()));
                });
    }

    /** The page's own stylesheet, linked in the head by the layout. */
    private static final List<String> STYLESHEETS = List.of("/css/search.css");

    private static Rendering page(SearchPage page, HttpStatus status) {
        return Rendering.view("search")
                .modelAttribute("page", page)
                .modelAttribute("stylesheets", STYLESHEETS)
                .status(status)
                .build();
    }
}
