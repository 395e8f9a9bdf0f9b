package org.wenshi.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawRequestTargetEncoderTest {

    /** The request target as Netty hands it over: each byte of the line as one ISO-8859-1 char. */
    private static String asNettyReadsIt(String typed) {
        return new String(typed.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void encodesRawUtf8BytesSoTheTargetIsAValidUriThatDecodesBackToTheChinese() {
        String encoded = RawRequestTargetEncoder.encode(asNettyReadsIt("/api/search?q=政协 文史&city=南阳市"));
        assertThat(encoded)
                .isEqualTo("/api/search?q=%E6%94%BF%E5%8D%8F%20%E6%96%87%E5%8F%B2&city=%E5%8D%97%E9%98%B3%E5%B8%82");
        URI uri = URI.create(encoded);
        assertThat(URLDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8)).isEqualTo("q=政协 文史&city=南阳市");
    }

    @Test
    void leavesAnAlreadyEncodedTargetUntouched() {
        String valid = "/api/search?q=%E6%94%BF%E5%8D%8F&size=2";
        assertThat(RawRequestTargetEncoder.encode(valid)).isSameAs(valid);
    }

    @Test
    void encodesCharactersAUriRejectsAndALonePercentSign() {
        String encoded = RawRequestTargetEncoder.encode(asNettyReadsIt("/search?q=\"有事好商量\"|<b>"));
        assertThat(encoded).isEqualTo("/search?q=%22%E6%9C%89%E4%BA%8B%E5%A5%BD%E5%95%86%E9%87%8F%22%7C%3Cb%3E");
        assertThat(URI.create(encoded).getQuery()).isEqualTo("q=\"有事好商量\"|<b>");
        assertThat(RawRequestTargetEncoder.encode("/api/search?q=100%")).isEqualTo("/api/search?q=100%25");
        assertThat(RawRequestTargetEncoder.encode("/api/search?q=%zz")).isEqualTo("/api/search?q=%25zz");
        assertThat(RawRequestTargetEncoder.encode("/api/search?q=%4")).isEqualTo("/api/search?q=%254");
    }
}
