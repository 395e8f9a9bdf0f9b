package org.wenshi.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wenshi.schema.Fields;

class SuggestServiceTest {

    @Test
    void prefixBecomesALiteralRegularExpression() {
        assertThat(SuggestService.regexPrefix("郑州")).isEqualTo("郑州");
        assertThat(SuggestService.regexPrefix("a.*(b)|\"")).isEqualTo("a\\.\\*\\(b\\)\\|\\\"");
        // Java's regex dialect agrees with Lucene's on backslash escapes of these characters.
        assertThat(Pattern.matches(SuggestService.regexPrefix("a.*(b)") + ".*", "a.*(b)c"))
                .isTrue();
        assertThat(Pattern.matches(SuggestService.regexPrefix("a.*(b)") + ".*", "axx(b)"))
                .isFalse();
    }

    @Test
    void asksForCompletionsTitlesAndNamesInOneRequest() {
        String json = JsonpUtils.toJsonString(SuggestService.request("wenshi-docs", "郑州"), new JacksonJsonpMapper());
        assertThat(json)
                .contains("\"completion\"")
                .contains(Fields.SUGGEST)
                .contains("match_phrase_prefix")
                .contains(Fields.PEOPLE_NAME)
                .contains(Fields.THEMES)
                .contains("郑州.*");
    }
}
