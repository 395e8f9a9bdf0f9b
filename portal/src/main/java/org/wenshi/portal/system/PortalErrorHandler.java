package org.wenshi.portal.system;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webflux.autoconfigure.error.AbstractErrorWebExceptionHandler;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * Every error that leaves a handler, and every request no handler takes (unknown path, wrong
 * method), ends here instead of in Spring's default error body: the API and any client that does
 * not ask for HTML get {@link ErrorBody} JSON; a browser gets the {@code error} page in its
 * language. Never shows a stack trace or an exception name; counts each answer in
 * {@code wenshi.errors}.
 */
@Component
@Order(-2)
public class PortalErrorHandler extends AbstractErrorWebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(PortalErrorHandler.class);

    private final PortalMetrics metrics;

    public PortalErrorHandler(
            ErrorAttributes errorAttributes,
            WebProperties webProperties,
            ApplicationContext applicationContext,
            ServerCodecConfigurer codecs,
            ObjectProvider<ViewResolver> viewResolvers,
            PortalMetrics metrics) {
        super(errorAttributes, webProperties.getResources(), applicationContext);
        this.metrics = metrics;
        setMessageWriters(codecs.getWriters());
        setMessageReaders(codecs.getReaders());
        setViewResolvers(viewResolvers.orderedStream().toList());
    }

    @Override
    protected RouterFunction<ServerResponse> getRoutingFunction(ErrorAttributes errorAttributes) {
        return RouterFunctions.route(PortalErrorHandler::wantsPage, this::page)
                .andRoute(RequestPredicates.all(), this::json);
    }

    /** A browser asking for a page (never the API, never a client that merely accepts anything). */
    private static boolean wantsPage(ServerRequest request) {
        if (request.path().startsWith("/api/") || request.path().equals("/api")) {
            return false;
        }
        List<MediaType> accepted = request.headers().accept();
        return accepted.stream().anyMatch(m -> !m.isWildcardType() && MediaType.TEXT_HTML.isCompatibleWith(m));
    }

    private Mono<ServerResponse> json(ServerRequest request) {
        Failure failure = Failure.of(getError(request));
        count(request, failure);
        return ServerResponse.status(failure.status())
                .headers(h -> h.addAll(failure.headers()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ErrorBody.of(failure.code(), failure.message()));
    }

    private Mono<ServerResponse> page(ServerRequest request) {
        Failure failure = Failure.of(getError(request));
        count(request, failure);
        return ServerResponse.status(failure.status())
                .headers(h -> h.addAll(failure.headers()))
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .render(
                        "error",
                        Map.of(
                                "status", failure.status().value(),
                                "code", failure.code(),
                                "message", failure.message()));
    }

    private void count(ServerRequest request, Failure failure) {
        metrics.countError(endpoint(request), failure.code());
    }

    /** The route pattern (bounded set of values), never the raw path (unbounded). */
    static String endpoint(ServerRequest request) {
        Object pattern = request.exchange().getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern instanceof PathPattern p) {
            return p.getPatternString();
        }
        return "unmatched";
    }

    @Override
    protected void logError(ServerRequest request, ServerResponse response, Throwable throwable) {
        if (throwable instanceof ElasticsearchUnavailableException e) {
            log.warn(
                    "{} {}: 503, {} ({})",
                    request.method(),
                    request.path(),
                    e.getMessage(),
                    e.getCause() == null ? "-" : e.getCause().toString());
        } else if (response.statusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            log.warn(
                    "{} {}: 503, {}",
                    request.method(),
                    request.path(),
                    Failure.of(throwable).message());
        } else if (response.statusCode().is5xxServerError()) {
            log.error("{} {}: {}", request.method(), request.path(), response.statusCode(), throwable);
        } else {
            log.debug("{} {}: {} {}", request.method(), request.path(), response.statusCode(), throwable.toString());
        }
    }

    /** What an exception means for the caller. */
    record Failure(HttpStatus status, String code, String message, org.springframework.http.HttpHeaders headers) {

        static Failure of(Throwable error) {
            org.springframework.http.HttpHeaders none = new org.springframework.http.HttpHeaders();
            // An ApiException wrapped by a framework on its way (Spring Security wraps what the account
            // lookup throws, e.g. the 503 while the database starts): the portal's own answer counts.
            for (Throwable c = error == null ? null : error.getCause();
                    c != null && c != c.getCause();
                    c = c.getCause()) {
                if (!(error instanceof ApiException) && c instanceof ApiException wrapped) {
                    error = wrapped;
                    break;
                }
            }
            if (error instanceof ApiException e) {
                return new Failure(e.status(), e.code(), e.getMessage(), none);
            }
            if (error instanceof ElasticsearchUnavailableException) {
                return new Failure(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "search_unavailable",
                        "The search engine is not available right now; please try again in a moment.",
                        none);
            }
            if (error instanceof MethodNotAllowedException e) {
                return new Failure(
                        HttpStatus.METHOD_NOT_ALLOWED,
                        "method_not_allowed",
                        "Method " + e.getHttpMethod() + " is not allowed here; supported: " + e.getSupportedMethods(),
                        e.getHeaders());
            }
            if (error instanceof ServerWebInputException e) {
                return new Failure(
                        HttpStatus.BAD_REQUEST,
                        "bad_request",
                        "The request is malformed" + (e.getReason() == null ? "." : ": " + e.getReason()),
                        e.getHeaders());
            }
            if (error instanceof ResponseStatusException e) {
                HttpStatusCode code = e.getStatusCode();
                HttpStatus status = HttpStatus.resolve(code.value());
                if (status == null) {
                    status = HttpStatus.INTERNAL_SERVER_ERROR;
                }
                if (status == HttpStatus.NOT_FOUND) {
                    return new Failure(status, "not_found", "There is nothing at this address.", e.getHeaders());
                }
                return new Failure(
                        status,
                        status.name().toLowerCase(java.util.Locale.ROOT),
                        status.getReasonPhrase(),
                        e.getHeaders());
            }
            return new Failure(
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    "internal_error",
                    "Something went wrong on our side; the error has been logged.",
                    none);
        }
    }
}
