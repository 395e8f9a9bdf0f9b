package org.wenshi.portal.system;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.i18n.LocaleContextResolver;
import reactor.core.publisher.Mono;

/**
 * The language of the pages: Chinese unless the reader chose English. {@code ?lang=en} or
 * {@code ?lang=zh} on any page switches and is remembered in a cookie; the browser's
 * {@code Accept-Language} is deliberately ignored, the archive being Chinese. Registered under
 * the bean name WebFlux looks for, so views and error pages use it too; as a filter it sets the
 * cookie before anything of the response is written.
 */
@Component("localeContextResolver")
public class LanguageResolver implements LocaleContextResolver, WebFilter {
    public static final String PARAMETER = "lang";
    public static final String COOKIE = "wenshi_lang";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static final Duration REMEMBER = Duration.ofDays(365);

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        Locale chosen = parse(exchange.getRequest().getQueryParams().getFirst(PARAMETER));
        if (chosen != null) {
            return new SimpleLocaleContext(chosen);
        }
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        Locale remembered = cookie == null ? null : parse(cookie.getValue());
        return new SimpleLocaleContext(remembered == null ? CHINESE : remembered);
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        Locale locale = localeContext == null ? null : localeContext.getLocale();
        if (locale != null) {
            remember(exchange, locale);
        }
    }

    /** Remembers a choice made with {@code ?lang=} before anything of the response is written. */
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Locale chosen = parse(exchange.getRequest().getQueryParams().getFirst(PARAMETER));
        if (chosen != null) {
            remember(exchange, chosen);
        }
        return chain.filter(exchange);
    }

    private static void remember(ServerWebExchange exchange, Locale locale) {
        String value = ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "zh";
        if (exchange.getResponse().getCookies().containsKey(COOKIE)) {
            return;
        }
        exchange.getResponse()
                .addCookie(ResponseCookie.from(COOKIE, value)
                        .path("/")
                        .maxAge(REMEMBER)
                        .httpOnly(true)
                        .sameSite("Lax")
                        .build());
    }

    /** {@code en} or {@code zh} (with or without region); anything else is no choice. */
    static Locale parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("en") || v.startsWith("en-") || v.startsWith("en_")) {
            return ENGLISH;
        }
        if (v.equals("zh") || v.startsWith("zh-") || v.startsWith("zh_")) {
            return CHINESE;
        }
        return null;
    }
}
