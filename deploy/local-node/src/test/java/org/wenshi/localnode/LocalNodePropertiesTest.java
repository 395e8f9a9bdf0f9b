package org.wenshi.localnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalNodePropertiesTest {

    @TempDir
    Path dir;

    @Test
    void takesVersionAndDistributionFromTheBuild() {
        LocalNodeProperties properties = LocalNodeProperties.fromEnvironment(Map.of());
        assertThat(properties.elasticsearchVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(properties.distributionZip().toString())
                .endsWith("/org/elasticsearch/distribution/integ-test-zip/elasticsearch/"
                        + properties.elasticsearchVersion() + "/elasticsearch-" + properties.elasticsearchVersion()
                        + ".zip");
        assertThat(properties.heap()).isEqualTo("1g");
        assertThat(properties.startTimeout()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void environmentOverridesDistributionHeapAndTimeout() {
        LocalNodeProperties properties = LocalNodeProperties.fromEnvironment(Map.of(
                "WENSHI_ES_DISTRIBUTION", dir.resolve("es.zip").toString(),
                "WENSHI_ES_HEAP", "512m",
                "WENSHI_ES_START_TIMEOUT", "300"));
        assertThat(properties.distributionZip()).isEqualTo(dir.resolve("es.zip"));
        assertThat(properties.heap()).isEqualTo("512m");
        assertThat(properties.startTimeout()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void rejectsMalformedHeapAndTimeoutNamingTheVariable() {
        assertThatThrownBy(() -> LocalNodeProperties.fromEnvironment(Map.of("WENSHI_ES_HEAP", "1 GB")))
                .isInstanceOf(LocalNodeException.class)
                .hasMessageContaining("WENSHI_ES_HEAP=1 GB");
        assertThatThrownBy(() -> LocalNodeProperties.fromEnvironment(Map.of("WENSHI_ES_START_TIMEOUT", "soon")))
                .hasMessageContaining("WENSHI_ES_START_TIMEOUT=soon");
    }

    @Test
    void missingDistributionNamesTheCommandThatFetchesIt() {
        LocalNodeProperties properties = LocalNodeProperties.fromEnvironment(
                Map.of("WENSHI_ES_DISTRIBUTION", dir.resolve("absent.zip").toString()));
        assertThatThrownBy(properties::requireDistribution)
                .isInstanceOf(LocalNodeException.class)
                .hasMessageContaining(dir.resolve("absent.zip").toString())
                .hasMessageContaining(
                        "mvn dependency:get -Dtransitive=false -Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:"
                                + properties.elasticsearchVersion() + ":zip");
    }
}
