package org.wenshi.localnode.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.wenshi.localnode.LocalNode;
import org.wenshi.localnode.NodeStatus;

/**
 * The shared test node as every consumer module sees it. When this JVM's launcher session closes,
 * {@link TestNodeSessionListener} stops it (checked by the build's caller: no Elasticsearch process
 * of {@code target/test-home} survives {@code mvn verify}).
 */
class TestNodeIT {

    @Test
    void servesANodeInTheHomeFailsafePasses() throws Exception {
        String configured = System.getProperty(TestNode.HOME_PROPERTY);
        assertThat(configured)
                .as("failsafe must pass -D%s", TestNode.HOME_PROPERTY)
                .isNotBlank();
        assertThat(TestNode.home())
                .isEqualTo(Path.of(configured).toAbsolutePath().normalize());

        URI url = TestNode.url();
        assertThat(TestNode.url()).isSameAs(url);
        assertThat(TestNode.endpoint().managed()).isTrue();
        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "/_cluster/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"cluster_name\":\"wenshi-");
        NodeStatus status = LocalNode.forHome(TestNode.home()).status();
        assertThat(status.state()).isEqualTo(NodeStatus.State.RUNNING);
        assertThat(status.node().url()).isEqualTo(url);
    }

    @Test
    void releaseByTheLastUserStopsTheNodeAndUrlStartsItAgain() {
        // A home of its own: another module's test JVM may use the shared test home right now, and then
        // release (rightly) leaves that node running.
        TestNode.release();
        String shared = System.getProperty(TestNode.HOME_PROPERTY);
        Path home = Path.of("target", "local-node-it", "home").toAbsolutePath();
        System.setProperty(TestNode.HOME_PROPERTY, home.toString());
        try {
            URI url = TestNode.url();
            long pid = LocalNode.forHome(home).status().node().pid();

            TestNode.release();
            assertThat(LocalNode.forHome(home).status().state()).isEqualTo(NodeStatus.State.STOPPED);
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();

            assertThat(TestNode.url()).isEqualTo(url);
            assertThat(LocalNode.forHome(home).status().running()).isTrue();
            TestNode.release();
            assertThat(LocalNode.forHome(home).status().state()).isEqualTo(NodeStatus.State.STOPPED);
        } finally {
            TestNode.release();
            System.setProperty(TestNode.HOME_PROPERTY, shared);
        }
    }

    @Test
    void anExternalClusterIsReturnedAsIsAndNeverManaged() {
        String before = System.getProperty(TestNode.URL_PROPERTY);
        System.setProperty(TestNode.URL_PROPERTY, "http://search.example.org:9200/");
        try {
            assertThat(TestNode.url()).isEqualTo(URI.create("http://search.example.org:9200"));
            assertThat(TestNode.endpoint().managed()).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty(TestNode.URL_PROPERTY);
            } else {
                System.setProperty(TestNode.URL_PROPERTY, before);
            }
        }
    }
}
