package org.wenshi.portal.accounts;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Model attributes of every page: who is signed in ({@code currentUser}, for the header's sign-in and
 * sign-out) and the session's CSRF token ({@code _csrf}, resolved before rendering so that forms and
 * the page's scripts can send it).
 */
@ControllerAdvice
public class SignedInUser {

    /** The signed-in editor as a page shows them. */
    public record Current(String username, boolean editor, boolean admin) {}

    private static final Current NOBODY = new Current(null, false, false);

    @ModelAttribute("currentUser")
    public Mono<Current> currentUser() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(a -> new Current(a.getName(), has(a, Role.EDITOR), has(a, Role.ADMIN)))
                .defaultIfEmpty(NOBODY);
    }

    private static boolean has(Authentication a, Role role) {
        return a.getAuthorities().stream().anyMatch(g -> ("ROLE_" + role.name()).equals(g.getAuthority()));
    }

    /**
     * The CSRF token, only where a session is meant: for a signed-in editor and on the sign-in page.
     * Resolving it makes a session; readers browsing the public pages never get one.
     */
    @ModelAttribute("_csrf")
    public Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            return Mono.empty();
        }
        if (exchange.getRequest().getPath().pathWithinApplication().value().equals("/login")) {
            return token;
        }
        return currentUser().flatMap(u -> u.username() == null ? Mono.<CsrfToken>empty() : token);
    }
}
