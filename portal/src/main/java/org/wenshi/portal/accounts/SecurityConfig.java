package org.wenshi.portal.accounts;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
import org.wenshi.portal.system.ErrorBody;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what. The public: everything but the editors' part, without an account. Accounts with
 * the role {@code reader} (reviewers) read {@code /compilations/**} and {@code /api/compilations/**};
 * {@code editor} also writes there; {@code admin} also has {@code /admin/**}.
 *
 * <ul>
 *   <li>Pages sign in with a form ({@code /login}) and keep a session; every form and script write
 *       from a page carries the session's CSRF token.
 *   <li>Scripts use HTTP Basic on the API, with no session. A request that brings its credentials in
 *       an {@code Authorization} header needs no CSRF token: a cross-site page cannot set that header,
 *       and the API's writes take JSON only, which a cross-site form cannot send.
 *   <li>Anonymous on the API: 401 with {@code WWW-Authenticate: Basic}; on a page: a redirect to
 *       {@code /login}. Signed in without the role: 403.
 *   <li>Sign-in is throttled per account ({@link LoginThrottle}): 429 on the API, a message on the
 *       form.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfig {
    /** The name of WebFlux's session cookie (CookieWebSessionIdResolver's default). */
    static final String SESSION_COOKIE = "SESSION";

    static final String READER = Role.READER.name();
    static final String EDITOR = Role.EDITOR.name();
    static final String ADMIN = Role.ADMIN.name();

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ReactiveUserDetailsService userDetailsService(AccountRepository accounts) {
        return username -> accounts.credentials(username).map(c -> User.withUsername(c.username())
                .password(c.passwordHash())
                .roles(roles(c.role()))
                .disabled(!c.enabled())
                .build());
    }

    /** A role and every role it includes: an admin is also an editor and a reader. */
    static String[] roles(Role role) {
        return java.util.Arrays.stream(Role.values())
                .filter(r -> r.ordinal() <= role.ordinal())
                .map(Role::name)
                .toArray(String[]::new);
    }

    /** Spring Security's password check behind the throttle. */
    @Bean
    ReactiveAuthenticationManager authenticationManager(
            ReactiveUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        UserDetailsRepositoryReactiveAuthenticationManager passwords =
                new UserDetailsRepositoryReactiveAuthenticationManager(users);
        passwords.setPasswordEncoder(encoder);
        return authentication -> {
            String name = authentication.getName();
            try {
                throttle.check(name);
            } catch (LoginThrottle.TooManyAttempts e) {
                return Mono.error(e);
            }
            return passwords
                    .authenticate(authentication)
                    .doOnNext(a -> throttle.succeeded(name))
                    .doOnError(AuthenticationException.class, e -> {
                        if (!(e instanceof DisabledException)) {
                            throttle.failed(name);
                        }
                    });
        };
    }

    @Bean
    SecurityWebFilterChain securityFilterChain(
            ServerHttpSecurity http, ReactiveAuthenticationManager authentication, JsonMapper json) {
        ServerAuthenticationEntryPoint pages = new RedirectServerAuthenticationEntryPoint("/login");
        ServerAuthenticationEntryPoint api = (exchange, e) -> {
            if (e instanceof LoginThrottle.TooManyAttempts t) {
                return tooManyAttempts(exchange.getResponse(), t, json);
            }
            exchange.getResponse()
                    .getHeaders()
                    .set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Wenshi\", charset=\"UTF-8\"");
            return error(
                    exchange.getResponse(),
                    HttpStatus.UNAUTHORIZED,
                    "unauthenticated",
                    "Sign in first (a session, or HTTP Basic) / 请先登录",
                    json);
        };
        ServerAccessDeniedHandler denied = (exchange, e) -> {
            if (isApi(exchange)) {
                return error(
                        exchange.getResponse(),
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Your account may not do this (or the request had no valid CSRF token) / 无权执行此操作",
                        json);
            }
            ServerHttpResponse response = exchange.getResponse();
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
            DataBuffer body = response.bufferFactory()
                    .wrap(("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>403</title></head>"
                                    + "<body><main><h1>无权访问 · Forbidden</h1><p>您的账号无权执行此操作，或页面已过期，请刷新后重试。"
                                    + "</p><p><a href=\"/\">返回首页</a></p></main></body></html>")
                            .getBytes(StandardCharsets.UTF_8));
            return response.writeWith(Mono.just(body));
        };

        return http.securityContextRepository(new SessionCookieOnly.SecurityContexts())
                .requestCache(c -> c.requestCache(new SessionCookieOnly.SavedRequests()))
                .authorizeExchange(a -> a.pathMatchers("/admin/**", "/api/admin/**")
                        .hasRole(ADMIN)
                        .pathMatchers(
                                HttpMethod.GET,
                                "/compilations/**",
                                "/compilations",
                                "/api/compilations/**",
                                "/api/compilations")
                        .hasRole(READER)
                        .pathMatchers("/compilations/**", "/compilations", "/api/compilations/**", "/api/compilations")
                        .hasRole(EDITOR)
                        .anyExchange()
                        .permitAll())
                .formLogin(f -> f.loginPage("/login")
                        .authenticationManager(authentication)
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/compilations"))
                        .authenticationFailureHandler(formFailure()))
                .httpBasic(b -> b.authenticationManager(authentication).authenticationEntryPoint(api))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(logoutSuccess()))
                .csrf(c -> c.requireCsrfProtectionMatcher(csrfNeeded()).accessDeniedHandler((exchange, e) -> {
                    // The connection is closed after a refused write. Measured: with it kept alive,
                    // the next request on that connection (the same browser's next, valid write)
                    // hung now and then, for good (a forged write then a valid one on one
                    // keep-alive connection: stuck within 1-10 rounds; AccountsSecurityIT timed
                    // out twice in CI). Its cause in the reactive chain was not found; a refused
                    // write is rare, and a new connection costs the browser little.
                    exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
                    // A browser's session without the token: 403. No session at all (a script that
                    // brought no credentials): the 401 every anonymous API call gets.
                    return SessionCookieOnly.hasSession(exchange) || !isApi(exchange)
                            ? denied.handle(exchange, e)
                            : api.commence(
                                    exchange,
                                    new org.springframework.security.authentication.InsufficientAuthenticationException(
                                            "anonymous write"));
                }))
                .exceptionHandling(e -> e.authenticationEntryPoint((exchange, ex) ->
                                isApi(exchange) ? api.commence(exchange, ex) : pages.commence(exchange, ex))
                        .accessDeniedHandler(denied))
                .headers(h -> h.frameOptions(o -> o.mode(
                        org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode
                                .SAMEORIGIN)))
                .build();
    }

    private static RedirectServerLogoutSuccessHandler logoutSuccess() {
        RedirectServerLogoutSuccessHandler h = new RedirectServerLogoutSuccessHandler();
        h.setLogoutSuccessUrl(URI.create("/login?logout"));
        return h;
    }

    private static ServerAuthenticationFailureHandler formFailure() {
        RedirectServerAuthenticationFailureHandler wrong =
                new RedirectServerAuthenticationFailureHandler("/login?error");
        RedirectServerAuthenticationFailureHandler locked =
                new RedirectServerAuthenticationFailureHandler("/login?locked");
        RedirectServerAuthenticationFailureHandler disabled =
                new RedirectServerAuthenticationFailureHandler("/login?disabled");
        return (WebFilterExchange exchange, AuthenticationException e) -> {
            if (e instanceof LoginThrottle.TooManyAttempts) {
                return locked.onAuthenticationFailure(exchange, e);
            }
            if (e instanceof DisabledException) {
                return disabled.onAuthenticationFailure(exchange, e);
            }
            return wrong.onAuthenticationFailure(exchange, e);
        };
    }

    /**
     * A request the firewall refuses (an encoded slash, a traversal, a non-printable character) gets
     * the API's error shape, a 400 with a message, instead of a bare status.
     */
    @Bean
    org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler rejectedRequests(JsonMapper json) {
        return (exchange, e) -> error(
                exchange.getResponse(),
                HttpStatus.BAD_REQUEST,
                "invalid_path",
                "This address is not one the portal serves (it holds an encoded slash, a '..' or another unsafe part)"
                        + " / 地址无效",
                json);
    }

    /** Where sessions change state: the editors' part, sign-in and sign-out. */
    static final List<String> STATEFUL =
            List.of("/compilations", "/api/compilations", "/admin", "/api/admin", "/login", "/logout");

    /**
     * Spring's rule (every unsafe method), only where a session changes state (the public part has no
     * writes: a POST there gets its 405), and not for requests that carry their own credentials.
     */
    private static ServerWebExchangeMatcher csrfNeeded() {
        return exchange -> CsrfWebFilter.DEFAULT_CSRF_MATCHER.matches(exchange).flatMap(m -> {
            String path =
                    exchange.getRequest().getPath().pathWithinApplication().value();
            boolean stateful = STATEFUL.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
            if (!m.isMatch() || !stateful) {
                return MatchResult.notMatch();
            }
            List<String> auth = exchange.getRequest().getHeaders().get(HttpHeaders.AUTHORIZATION);
            boolean basic = auth != null && auth.stream().anyMatch(v -> v.regionMatches(true, 0, "Basic ", 0, 6));
            boolean login = exchange.getRequest().getMethod() == HttpMethod.POST
                    && exchange.getRequest().getPath().value().equals("/login");
            return basic && !login ? MatchResult.notMatch() : MatchResult.match();
        });
    }

    static boolean isApi(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return path.startsWith("/api/") || path.equals("/api");
    }

    private static Mono<Void> tooManyAttempts(
            ServerHttpResponse response, LoginThrottle.TooManyAttempts t, JsonMapper json) {
        response.getHeaders()
                .set(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, t.retryAfter().toSeconds())));
        return error(
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "too_many_sign_in_attempts",
                "Too many failed sign-ins for this account; try again in "
                        + Math.max(1, t.retryAfter().toSeconds()) + " s / 登录失败次数过多，请稍后再试",
                json);
    }

    static Mono<Void> error(
            ServerHttpResponse response, HttpStatus status, String code, String message, JsonMapper json) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(ErrorBody.of(code, message)));
        return response.writeWith(Mono.just(body));
    }
}
