package org.wenshi.portal.search;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/search}: the contract's search API, as a functional route (the portal's busiest
 * endpoint skips the annotated controllers' per-call argument resolution and content negotiation; it
 * only ever answers JSON, and any other method gets a 405). Takes the raw parameter map so that
 * {@link SearchCriteria} alone decides what is valid; errors are rendered by
 * {@link org.wenshi.portal.system.PortalErrorHandler}.
 */
@Configuration(proxyBeanMethods = false)
public class SearchApiController {

    @Bean
    RouterFunction<ServerResponse> searchApi(SearchService searchService) {
        return RouterFunctions.route(GET("/api/search"), request -> Mono.fromCallable(
                                () -> SearchCriteria.from(request.queryParams()))
                        .flatMap(searchService::search)
                        .flatMap(result -> ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(result)))
                .andRoute(
                        path("/api/search"),
                        request -> Mono.error(new MethodNotAllowedException(request.method(), Set.of(HttpMethod.GET))));
    }
}
