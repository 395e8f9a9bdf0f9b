package org.wenshi.localnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchEndpointTest {

    @TempDir
    Path home;

    @Test
    void usesWenshiEsUrlWithoutTouchingTheLocalNode() {
        ElasticsearchEndpoint endpoint = ElasticsearchEndpoint.resolve(Map.of(
                "WENSHI_ES_URL",
                "https://search.example.org:9243/",
                "WENSHI_HOME",
                home.resolve("h").toString()));
        assertThat(endpoint.url()).isEqualTo(URI.create("https://search.example.org:9243"));
        assertThat(endpoint.managed()).isFalse();
        assertThat(Files.exists(home.resolve("h"))).isFalse();
    }

    @Test
    void neverShowsCredentialsInToString() {
        ElasticsearchEndpoint endpoint =
                ElasticsearchEndpoint.resolve(Map.of("WENSHI_ES_URL", "http://elastic:s3cret@10.0.0.5:9200"));
        assertThat(endpoint.toString()).doesNotContain("s3cret").contains("***@10.0.0.5:9200");
        assertThat(endpoint.url().getUserInfo()).isEqualTo("elastic:s3cret");
    }

    @Test
    void rejectsAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> ElasticsearchEndpoint.resolve(Map.of("WENSHI_ES_URL", "localhost:9200")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WENSHI_ES_URL");
        assertThatThrownBy(() -> ElasticsearchEndpoint.resolve(Map.of("WENSHI_ES_URL", "ftp://u:pw@host/")))
                .hasMessageContaining("WENSHI_ES_URL")
                .hasMessageNotContaining("pw");
    }

    @Test
    void defaultHomeIsWenshiHomeElseDotWenshi() {
        assertThat(LocalNode.defaultHome(Map.of("WENSHI_HOME", home.toString())))
                .isEqualTo(home);
        assertThat(LocalNode.defaultHome(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".wenshi").toAbsolutePath());
    }
}
