package org.wenshi.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** The small decisions of the system package, without a server. */
class SystemTest {

    private static ElasticsearchException esError(int status, String type) {
        return new ElasticsearchException("search", ErrorResponse.of(r -> r.status(status)
                .error(ErrorCause.of(c -> c.type(type).reason("because")))));
    }

    @Test
    void unreachableSlowOrOverloadedElasticsearchIsUnavailable() {
        assertThat(ElasticsearchAccess.translate(new ConnectException("Connection refused")))
                .isInstanceOf(ElasticsearchUnavailableException.class);
        assertThat(ElasticsearchAccess.translate(new CompletionException(new ConnectException("refused"))))
                .isInstanceOf(ElasticsearchUnavailableException.class);
        assertThat(ElasticsearchAccess.translate(new TimeoutException()))
                .isInstanceOf(ElasticsearchUnavailableException.class);
        assertThat(ElasticsearchAccess.translate(esError(429, "es_rejected_execution_exception")))
                .isInstanceOf(ElasticsearchUnavailableException.class);
        assertThat(ElasticsearchAccess.translate(esError(404, "index_not_found_exception")))
                .isInstanceOf(ElasticsearchUnavailableException.class);
    }

    @Test
    void rejectedQueryIsABadRequestAndOtherFailuresStayInternal() {
        assertThat(ElasticsearchAccess.translate(esError(400, "search_phase_execution_exception")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
        IllegalStateException bug = new IllegalStateException("bug");
        assertThat(ElasticsearchAccess.translate(bug)).isSameAs(bug);
    }

    @Test
    void propertiesDefaultAndRedactCredentials() {
        WenshiProperties p = new WenshiProperties("http://elastic:secret@es.example:9200", null, null);
        assertThat(p.toString()).doesNotContain("secret").contains("es.example:9200");
        assertThat(p.esTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.index()).isNotBlank();
        assertThat(new WenshiProperties(" ", "it-x", Duration.ofSeconds(2)).configuredEsUrl())
                .isEmpty();
        assertThat(WenshiProperties.redact("https://u:p@a:1,http://b:2")).isEqualTo("https://a:1,http://b:2");
    }

    @Test
    void languageChoiceIsEnglishOrChinese() {
        assertThat(LanguageResolver.parse("en")).isEqualTo(Locale.ENGLISH);
        assertThat(LanguageResolver.parse("EN-us")).isEqualTo(Locale.ENGLISH);
        assertThat(LanguageResolver.parse("zh")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(LanguageResolver.parse("fr")).isNull();
        assertThat(LanguageResolver.parse(null)).isNull();
    }

    @Test
    void languageLinksKeepThePageAndItsParameters() {
        var request = MockServerHttpRequest.method(
                        HttpMethod.GET, URI.create("/search?q=%E6%94%BF%E5%8D%8F&city=a&lang=zh"))
                .build();
        assertThat(PageDefaults.withLanguage(request, "en")).isEqualTo("/search?q=%E6%94%BF%E5%8D%8F&city=a&lang=en");
        assertThat(PageDefaults.withLanguage(
                        MockServerHttpRequest.method(HttpMethod.GET, URI.create("http://localhost//evil.example/x"))
                                .build(),
                        "en"))
                .startsWith("/evil.example");
    }
}
