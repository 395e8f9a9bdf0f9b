package org.wenshi.localnode.testing;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.wenshi.localnode.ElasticsearchEndpoint;
import org.wenshi.localnode.LocalNode;
import org.wenshi.localnode.LocalNodeException;

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

    private static final Logger LOG = System.getLogger(TestNode.class.getName());
    private static final Object LOCK = new Object();

    private static URI url;
    private static Path acquiredHome;
    private static FileChannel usersChannel;
    private static FileLock usersLock;
    private static boolean shutdownHookAdded;

    private TestNode() {}

    /** The URL of the test node, started on first use (or reused when already running). */
    public static URI url() {
        String external = System.getProperty(URL_PROPERTY);
        if (external != null && !external.isBlank()) {
            return URI.create(external.trim().replaceAll("/+$", ""));
        }
        synchronized (LOCK) {
            if (url == null) {
                acquire();
            }
            return url;
        }
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
        synchronized (LOCK) {
            if (url == null) {
                return;
            }
            url = null;
            Path home = acquiredHome;
            try {
                usersLock.release();
                FileLock exclusive = usersChannel.tryLock(0, Long.MAX_VALUE, false);
                if (exclusive == null) {
                    LOG.log(Level.INFO, "another test JVM still uses the test node of {0}; it will stop it", home);
                    return;
                }
                try {
                    LocalNode.forHome(home).stop();
                } finally {
                    exclusive.release();
                }
            } catch (IOException e) {
                throw new LocalNodeException("cannot release the test node of " + home + ": " + e.getMessage(), e);
            } finally {
                closeUsersChannel();
            }
        }
    }

    private static void acquire() {
        Path home = home();
        LocalNode node = LocalNode.forHome(home);
        try {
            Files.createDirectories(node.nodeDirectory());
            usersChannel = FileChannel.open(
                    node.nodeDirectory().resolve("test-users.lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            // Shared: other test JVMs may use the node too. Blocks while a last user is stopping it.
            usersLock = usersChannel.lock(0, Long.MAX_VALUE, true);
        } catch (IOException e) {
            closeUsersChannel();
            throw new LocalNodeException("cannot lock the test node of " + home + ": " + e.getMessage(), e);
        }
        try {
            url = node.ensureRunning().url();
            acquiredHome = home;
        } catch (RuntimeException e) {
            closeUsersChannel();
            throw e;
        }
        if (!shutdownHookAdded) {
            // For runs that never close a launcher session (a plain main, a killed session): JVM exit.
            Runtime.getRuntime().addShutdownHook(new Thread(TestNode::releaseQuietly, "wenshi-test-node-release"));
            shutdownHookAdded = true;
        }
    }

    private static void releaseQuietly() {
        try {
            release();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stopping the test node at JVM exit failed", e);
        }
    }

    private static void closeUsersChannel() {
        try {
            if (usersChannel != null) {
                usersChannel.close();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing test-users.lock", e);
        } finally {
            usersChannel = null;
            usersLock = null;
        }
    }
}
