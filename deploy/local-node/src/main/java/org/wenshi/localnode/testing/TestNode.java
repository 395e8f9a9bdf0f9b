package org.wenshi.localnode.testing;

import java.net.URI;
import java.nio.file.Path;
import org.wenshi.localnode.ElasticsearchEndpoint;
import org.wenshi.localnode.LocalNode;

/**
 * The Elasticsearch of a test run: {@link #url()}.
 *
 * <p>Exists so that every integration test of every module gets a real node with the project's
 * analysis plugin through one call, and so that the node is shared by all tests of a build (its home
 * is system property {@value #HOME_PROPERTY}, which failsafe sets to {@code <repo>/target/test-home};
 * else {@code target/test-home}) instead of started per class. With system property {@value
 * #URL_PROPERTY} set, that cluster is used and nothing is started or stopped.
 *
 * <p>Test JVMs that use the node hold a shared lock on {@code test-users.lock} next to it; the last
 * one to {@link #release()} it (at the end of its JUnit launcher session, or at JVM exit) stops the
 * node, so test JVMs running side by side never stop it under each other and a build leaves no
 * Elasticsearch behind. It must never stop a node this JVM did not use, nor an external cluster.
 */
public final class TestNode {

    /** The home of the test node; failsafe passes it. */
    public static final String HOME_PROPERTY = "wenshi.test.home";

    /** An external cluster to test against instead; never started or stopped. */
    public static final String URL_PROPERTY = "wenshi.test.es.url";

    private static final SharedTestServer<URI> NODE = new SharedTestServer<>(
            "test node",
            () -> LocalNode.forHome(home()).nodeDirectory(),
            () -> LocalNode.forHome(home()).ensureRunning().url(),
            () -> LocalNode.forHome(home()).stop());

    private TestNode() {}

    /** The URL of the test node, started on first use (or reused when already running). */
    public static URI url() {
        String external = System.getProperty(URL_PROPERTY);
        if (external != null && !external.isBlank()) {
            return URI.create(external.trim().replaceAll("/+$", ""));
        }
        return NODE.get();
    }

    /** The same node as an endpoint, for code that takes one. */
    public static ElasticsearchEndpoint endpoint() {
        String external = System.getProperty(URL_PROPERTY);
        return new ElasticsearchEndpoint(url(), external == null || external.isBlank());
    }

    /** {@value #HOME_PROPERTY}, else {@code target/test-home} of the working directory. */
    public static Path home() {
        String home = System.getProperty(HOME_PROPERTY);
        Path path = home != null && !home.isBlank() ? Path.of(home.trim()) : Path.of("target", "test-home");
        return path.toAbsolutePath().normalize();
    }

    /**
     * Gives up this JVM's use of the node and stops it when no other test JVM uses it. Does nothing when
     * this JVM never called {@link #url()}; {@link #url()} after it starts the node again.
     */
    public static void release() {
        NODE.release();
    }
}
