package org.wenshi.portal.accounts;

import java.net.URI;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's session-backed security context and saved request, read only when the request
 * brings a session cookie; writing (at sign-in, or when a page needs sign-in) is Spring's, unchanged.
 *
 * <p>Without a session cookie there is nothing saved to find, yet Spring's two stores still ask for
 * the session on every request, and WebFlux's in-memory session store makes a new one by generating
 * its id on a bounded-elastic thread and handing the rest of the request to a parallel thread. Every
 * anonymous reader's request (each search, each {@code /api/trends}) paid them: a profile of the
 * trends benchmark showed the requests finishing on {@code parallel} threads, and a probe showed the
 * session subscribed by Spring's request cache on every {@code /api/trends}. With these two the
 * session is never touched without a cookie (the serial trends benchmark's latency did not change
 * beyond its noise, docs/benchmarks.md, "Trends"; the hops and the session object per reader are
 * gone).
 */
final class SessionCookieOnly {
    private SessionCookieOnly() {}

    static boolean hasSession(ServerWebExchange exchange) {
        return exchange.getRequest().getCookies().containsKey(SecurityConfig.SESSION_COOKIE);
    }

    /** The signed-in editor's security context. */
    static final class SecurityContexts implements ServerSecurityContextRepository {
        private final WebSessionServerSecurityContextRepository sessions =
                new WebSessionServerSecurityContextRepository();

        @Override
        public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
            return sessions.save(exchange, context);
        }

        @Override
        public Mono<SecurityContext> load(ServerWebExchange exchange) {
            return hasSession(exchange) ? sessions.load(exchange) : Mono.empty();
        }
    }

    /** The page an editor asked for before signing in, to return to after. */
    static final class SavedRequests implements ServerRequestCache {
        private final WebSessionServerRequestCache sessions = new WebSessionServerRequestCache();

        @Override
        public Mono<Void> saveRequest(ServerWebExchange exchange) {
            return sessions.saveRequest(exchange);
        }

        @Override
        public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
            return hasSession(exchange) ? sessions.getRedirectUri(exchange) : Mono.empty();
        }

        @Override
        public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
            return hasSession(exchange) ? sessions.removeMatchingRequest(exchange) : Mono.empty();
        }
    }
}
