package org.wenshi.portal.system;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

/**
 * Model attributes every page's layout needs: the links that switch the language while staying on
 * the same page with the same parameters. Pages rendered without a controller (the error page)
 * fall back to a bare {@code ?lang=} link.
 */
@ControllerAdvice
public class PageDefaults {

    /** Links to this page in Chinese and in English. */
    public record LanguageLinks(String zh, String en) {}

    @ModelAttribute("languageLinks")
    public LanguageLinks languageLinks(ServerWebExchange exchange) {
        return new LanguageLinks(withLanguage(exchange.getRequest(), "zh"), withLanguage(exchange.getRequest(), "en"));
    }

    /** The request's own path and (still encoded) query, with {@code lang} replaced. */
    static String withLanguage(ServerHttpRequest request, String language) {
        String path = request.getURI().getRawPath();
        String query = request.getURI().getRawQuery();
        List<String> kept = new ArrayList<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pair.isEmpty() && !name.equals(LanguageResolver.PARAMETER)) {
                    kept.add(pair);
                }
            }
        }
        kept.add(LanguageResolver.PARAMETER + "=" + language);
        // Never "//host…": that would be a link to another site.
        String local = path == null ? "/" : "/" + path.replaceFirst("^/+", "");
        return local + "?" + String.join("&", kept);
    }
}
