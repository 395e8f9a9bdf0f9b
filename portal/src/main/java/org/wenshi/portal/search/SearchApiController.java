package org.wenshi.portal.search;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/search}: the contract's search API, as a functional route. The portal's busiest
 * endpoint skips the annotated controllers' per-call argument resolution and content negotiation: it
 * only ever answers JSON, written to bytes by one prepared writer of the application's JSON mapper,
 * and any other method gets a 405. Its own handler mapping comes before every other, the actuator's
 * included, so a search is not first tried against their patterns. Takes the raw parameter map so
 * that {@link SearchCriteria} alone decides what is valid; errors are rendered by
 * {@link org.wenshi.portal.system.PortalErrorHandler}.
 */
@Configuration(proxyBeanMethods = false)
public class SearchApiController {

    /** Before the actuator's endpoint mapping (order -100) and the other router functions (-1). */
    static final int ORDER = -200;

    @Bean
    RouterFunctionMapping searchApiMapping(SearchService searchService, ServerCodecConfigurer codecs, JsonMapper json) {
        RouterFunctionMapping mapping =
                new RouterFunctionMapping(searchApi(searchService, json.writerFor(SearchResult.class)));
        mapping.setMessageReaders(codecs.getReaders());
        mapping.setOrder(ORDER);
        return mapping;
    }

    static RouterFunction<ServerResponse> searchApi(SearchService searchService, ObjectWriter writer) {
        return RouterFunctions.route(GET("/api/search"), request -> Mono.fromCallable(
                                () -> SearchCriteria.from(request.queryParams()))
                        .flatMap(searchService::search)
                        .flatMap(result -> ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(writer.writeValueAsBytes(result))))
                .andRoute(
                        path("/api/search"),
                        request -> Mono.error(new MethodNotAllowedException(request.method(), Set.of(HttpMethod.GET))));
    }
}
