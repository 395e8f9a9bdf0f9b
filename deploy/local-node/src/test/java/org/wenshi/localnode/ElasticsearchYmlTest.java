package org.wenshi.localnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ElasticsearchYmlTest {

    private final NodeLayout layout = new NodeLayout(Path.of("/root/.wenshi"));
    private final String yml = ElasticsearchYml.render(layout, new NodePorts(19400, 19401));

    @Test
    void namesClusterAfterHomeAndPinsPorts() {
        assertThat(yml.lines())
                .contains(
                        "cluster.name: \"" + layout.clusterName() + "\"",
                        "node.name: \"wenshi-local\"",
                        "http.port: 19400",
                        "transport.port: 19401");
        assertThat(layout.clusterName()).matches("wenshi-[0-9a-f]{8}");
    }

    @Test
    void keepsDataAndLogsOutsideTheInstall() {
        assertThat(yml.lines())
                .contains(
                        "path.data: \"/root/.wenshi/elasticsearch/data\"",
                        "path.logs: \"/root/.wenshi/elasticsearch/logs\"");
    }

    @Test
    void isASingleLoopbackNodeWithoutSecurityMlOrDiskThresholds() {
        assertThat(yml.lines())
                .contains(
                        "discovery.type: single-node",
                        "network.host: 127.0.0.1",
                        "xpack.security.enabled: false",
                        "xpack.ml.enabled: false",
                        "cluster.routing.allocation.disk.threshold_enabled: false");
        assertThat(yml).doesNotContain("0.0.0.0").doesNotContain("action.auto_create_index");
    }

    @Test
    void quotesPathsWithSpacesQuotesAndHashes() {
        NodeLayout odd = new NodeLayout(Path.of("/tmp/my \"odd\" #home"));
        assertThat(ElasticsearchYml.render(odd, new NodePorts(19200, 19201)).lines())
                .contains("path.data: \"/tmp/my \\\"odd\\\" #home/elasticsearch/data\"");
    }
}
